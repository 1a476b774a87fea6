package org.kaimen.analysis.internal.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Groups sentence vectors into topics by average-linkage agglomeration, after centring them.
 *
 * <p>Centring matters: bge-small-zh puts almost any two comments on this subject above cosine 0.5, so on raw vectors
 * every threshold either merges everything or nothing; once the corpus mean is subtracted, topics separate. Average
 * linkage on dot products equals the dot product of the two groups' mean vectors, so a merge only needs the
 * Lance–Williams update (a weighted average of two rows), never a new pass over the vectors.
 *
 * <p>Past {@link Config#exactLimit()} items the agglomeration starts from k-means micro-clusters computed in a random
 * projection of the vectors (cheap, and fine-grained enough that the merge decides the topics), which keeps 100,000
 * comments within seconds and a few hundred megabytes.
 */
public final class TopicClusterer {

    /**
     * @param mergeThreshold average centred cosine two groups need to be merged (higher: more, tighter topics)
     * @param minClusterSize groups lighter than this stay unclustered
     * @param minClusterShare groups lighter than this share of all weight stay unclustered too
     * @param exactLimit up to this many items the agglomeration starts from single items
     * @param microClusters number of k-means micro-clusters beyond the exact limit
     * @param seed seed of the k-means start and the projection, so a run is reproducible
     */
    public record Config(double mergeThreshold, int minClusterSize, double minClusterShare, int exactLimit,
                         int microClusters, long seed) {
        public static Config defaults() {
            return new Config(0.11, 3, 0.002, 2000, 1000, 20261128L);
        }

        public Config withMergeThreshold(double t) {
            return new Config(t, minClusterSize, minClusterShare, exactLimit, microClusters, seed);
        }

        public Config withExactLimit(int limit) {
            return new Config(mergeThreshold, minClusterSize, minClusterShare, limit, microClusters, seed);
        }

        public Config withMinClusterSize(int size) {
            return new Config(mergeThreshold, size, minClusterShare, exactLimit, microClusters, seed);
        }
    }

    /** One thing to cluster: a comment, or a whole campaign collapsed into one item with its size as weight. */
    public record Item(long key, float[] vector, int weight) {
    }

    /** A topic: its items' keys and its centroid in the centred space (unit length). */
    public record Group(long[] keys, float[] centroid, int weight) {
    }

    /**
     * @param similarity per input item (same order), its centred cosine to the nearest group's centroid: low means
     *                   the comment says something no group says
     */
    public record Result(List<Group> groups, long[] unclustered, float[] mean, double[] similarity) {
    }

    private static final int PROJECTION = 64;
    private static final int SAMPLE = 20_000;
    private static final int ITERATIONS = 8;

    private final Config config;

    public TopicClusterer(Config config) {
        this.config = config;
    }

    public Result cluster(List<Item> items) {
        return cluster(items, null);
    }

    /**
     * @param givenMean the vector to centre with (a draft's mean when clustering one article's comments), or null
     *                  for the items' own weighted mean
     */
    public Result cluster(List<Item> items, float[] givenMean) {
        int n = items.size();
        if (n == 0) {
            return new Result(List.of(), new long[0], givenMean == null ? new float[0] : givenMean, new double[0]);
        }
        int d = items.get(0).vector().length;
        float[] mean = givenMean != null ? givenMean : weightedMean(items, d);
        float[][] centred = new float[n][];
        IntStream.range(0, n).parallel().forEach(i -> centred[i] = centre(items.get(i).vector(), mean));

        int[] start = n <= config.exactLimit() ? identity(n) : microClusters(centred);
        int g = 0;
        for (int s : start) {
            g = Math.max(g, s + 1);
        }
        double[][] sums = new double[g][d];
        double[] weights = new double[g];
        for (int i = 0; i < n; i++) {
            int w = Math.max(1, items.get(i).weight());
            add(sums[start[i]], centred[i], w);
            weights[start[i]] += w;
        }
        int[] merged = agglomerate(sums, weights);

        // Final groups: the union of their start groups' items.
        int[] groupOfStart = new int[g];
        Arrays.fill(groupOfStart, -1);
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double minWeight = Math.max(config.minClusterSize(), config.minClusterShare() * total);
        double[][] finalSums = new double[g][];
        double[] finalWeights = new double[g];
        for (int s = 0; s < g; s++) {
            int root = merged[s];
            if (finalSums[root] == null) {
                finalSums[root] = new double[d];
            }
            add(finalSums[root], sums[s]);
            finalWeights[root] += weights[s];
        }
        List<double[]> keptSums = new ArrayList<>();
        List<Double> keptWeights = new ArrayList<>();
        for (int s = 0; s < g; s++) {
            if (finalSums[s] != null && finalWeights[s] >= minWeight) {
                groupOfStart[s] = keptSums.size();
                keptSums.add(finalSums[s]);
                keptWeights.add(finalWeights[s]);
            }
        }
        List<float[]> centroids = keptSums.stream().map(TopicClusterer::unit).toList();
        List<List<Long>> members = new ArrayList<>();
        centroids.forEach(c -> members.add(new ArrayList<>()));
        List<Long> unclustered = new ArrayList<>();
        double[] similarity = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double best = -1;
            for (float[] c : centroids) {
                best = Math.max(best, dot(centred[i], c));
            }
            similarity[i] = best;
        });
        for (int i = 0; i < n; i++) {
            int group = groupOfStart[merged[start[i]]];
            if (group < 0) {
                unclustered.add(items.get(i).key());
            } else {
                members.get(group).add(items.get(i).key());
            }
        }
        List<Group> groups = new ArrayList<>();
        for (int k = 0; k < centroids.size(); k++) {
            groups.add(new Group(members.get(k).stream().mapToLong(Long::longValue).toArray(), centroids.get(k),
                    (int) Math.round(keptWeights.get(k))));
        }
        groups.sort((a, b) -> Integer.compare(b.weight(), a.weight()));
        return new Result(groups, unclustered.stream().mapToLong(Long::longValue).toArray(), mean, similarity);
    }

    /** Centres and normalises a vector with a corpus mean: the space in which centroids are compared. */
    public static float[] centre(float[] v, float[] mean) {
        float[] out = new float[v.length];
        double norm = norm(v);
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) (v[k] / norm - mean[k]);
        }
        double n2 = norm(out);
        if (n2 > 0) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= n2;
            }
        }
        return out;
    }

    public static double dot(float[] a, float[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    /**
     * Average linkage with the Lance–Williams update. Each row keeps its best partner so a step costs O(g) except
     * when a row's partner disappears. Returns, per start group, the start group it ended up merged into.
     */
    private int[] agglomerate(double[][] sums, double[] weights) {
        int g = sums.length;
        float[][] sim = new float[g][g];
        IntStream.range(0, g).parallel().forEach(i -> {
            for (int j = i + 1; j < g; j++) {
                double s = 0;
                double[] a = sums[i];
                double[] b = sums[j];
                for (int k = 0; k < a.length; k++) {
                    s += a[k] * b[k];
                }
                sim[i][j] = (float) (s / (weights[i] * weights[j]));
            }
        });
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < i; j++) {
                sim[i][j] = sim[j][i];
            }
            sim[i][i] = Float.NEGATIVE_INFINITY;
        }
        double[] w = weights.clone();
        boolean[] alive = new boolean[g];
        Arrays.fill(alive, true);
        int[] parent = identity(g);
        int[] best = new int[g];
        for (int i = 0; i < g; i++) {
            best[i] = bestPartner(sim, alive, i);
        }
        while (true) {
            int a = -1;
            float top = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < g; i++) {
                if (alive[i] && best[i] >= 0 && sim[i][best[i]] > top) {
                    top = sim[i][best[i]];
                    a = i;
                }
            }
            if (a < 0 || top < config.mergeThreshold()) {
                break;
            }
            int b = best[a];
            double wa = w[a];
            double wb = w[b];
            for (int k = 0; k < g; k++) {
                if (alive[k] && k != a && k != b) {
                    float s = (float) ((wa * sim[a][k] + wb * sim[b][k]) / (wa + wb));
                    sim[a][k] = s;
                    sim[k][a] = s;
                }
            }
            w[a] = wa + wb;
            alive[b] = false;
            parent[b] = a;
            for (int k = 0; k < g; k++) {
                sim[k][b] = Float.NEGATIVE_INFINITY;
            }
            for (int k = 0; k < g; k++) {
                if (!alive[k]) {
                    continue;
                }
                if (k == a || best[k] == a || best[k] == b) {
                    best[k] = bestPartner(sim, alive, k);
                } else if (sim[k][a] > sim[k][best[k]]) {
                    best[k] = a;
                }
            }
        }
        int[] root = new int[g];
        for (int i = 0; i < g; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            root[i] = r;
        }
        return root;
    }

    private static int bestPartner(float[][] sim, boolean[] alive, int i) {
        int best = -1;
        float top = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < sim.length; j++) {
            if (j != i && alive[j] && sim[i][j] > top) {
                top = sim[i][j];
                best = j;
            }
        }
        return best;
    }

    /** Spherical k-means in a random projection: fitted on a sample, then every item assigned once. */
    private int[] microClusters(float[][] centred) {
        int n = centred.length;
        int d = centred[0].length;
        SplittableRandom random = new SplittableRandom(config.seed());
        float[][] projection = new float[PROJECTION][d];
        for (float[] row : projection) {
            for (int k = 0; k < d; k++) {
                row[k] = random.nextBoolean() ? 1f : -1f;
            }
        }
        float[][] p = new float[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            float[] out = new float[PROJECTION];
            for (int r = 0; r < PROJECTION; r++) {
                out[r] = (float) dot(projection[r], centred[i]);
            }
            p[i] = unitF(out);
        });
        int m = Math.min(config.microClusters(), n);
        int[] sample = sample(n, Math.min(n, SAMPLE), random);
        float[][] centres = kMeansPlusPlus(p, sample, m, random);
        for (int it = 0; it < ITERATIONS; it++) {
            int[] assign = assign(p, sample, centres);
            float[][] next = new float[m][PROJECTION];
            int[] count = new int[m];
            for (int s = 0; s < sample.length; s++) {
                float[] v = p[sample[s]];
                float[] c = next[assign[s]];
                for (int k = 0; k < PROJECTION; k++) {
                    c[k] += v[k];
                }
                count[assign[s]]++;
            }
            for (int c = 0; c < m; c++) {
                centres[c] = count[c] == 0 ? centres[c] : unitF(next[c]);
            }
        }
        int[] all = assign(p, identity(n), centres);
        // Compact the ids: empty micro-clusters must not become groups.
        int[] remap = new int[m];
        Arrays.fill(remap, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            if (remap[all[i]] < 0) {
                remap[all[i]] = next++;
            }
            all[i] = remap[all[i]];
        }
        return all;
    }

    private static int[] assign(float[][] p, int[] which, float[][] centres) {
        int[] out = new int[which.length];
        IntStream.range(0, which.length).parallel().forEach(s -> {
            float[] v = p[which[s]];
            int best = 0;
            double top = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < centres.length; c++) {
                double x = dot(v, centres[c]);
                if (x > top) {
                    top = x;
                    best = c;
                }
            }
            out[s] = best;
        });
        return out;
    }

    private static float[][] kMeansPlusPlus(float[][] p, int[] sample, int m, SplittableRandom random) {
        float[][] centres = new float[m][];
        centres[0] = p[sample[random.nextInt(sample.length)]].clone();
        double[] dist = new double[sample.length];
        Arrays.fill(dist, Double.MAX_VALUE);
        for (int c = 1; c < m; c++) {
            float[] last = centres[c - 1];
            double total = 0;
            for (int s = 0; s < sample.length; s++) {
                double x = Math.max(0, 1 - dot(p[sample[s]], last));
                dist[s] = Math.min(dist[s], x * x);
                total += dist[s];
            }
            double r = random.nextDouble() * total;
            int pick = sample.length - 1;
            for (int s = 0; s < sample.length; s++) {
                r -= dist[s];
                if (r <= 0) {
                    pick = s;
                    break;
                }
            }
            centres[c] = p[sample[pick]].clone();
        }
        return centres;
    }

    private static int[] sample(int n, int size, SplittableRandom random) {
        int[] all = identity(n);
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, size);
    }

    private static float[] weightedMean(List<Item> items, int d) {
        double[] sum = new double[d];
        double total = 0;
        for (Item item : items) {
            float[] v = item.vector();
            double norm = norm(v);
            int w = Math.max(1, item.weight());
            for (int k = 0; k < d; k++) {
                sum[k] += w * v[k] / norm;
            }
            total += w;
        }
        float[] mean = new float[d];
        for (int k = 0; k < d; k++) {
            mean[k] = (float) (sum[k] / total);
        }
        return mean;
    }

    private static void add(double[] sum, float[] v, int w) {
        for (int k = 0; k < v.length; k++) {
            sum[k] += w * v[k];
        }
    }

    private static void add(double[] sum, double[] v) {
        for (int k = 0; k < v.length; k++) {
            sum[k] += v[k];
        }
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        return s == 0 ? 1 : Math.sqrt(s);
    }

    private static float[] unit(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        double norm = s == 0 ? 1 : Math.sqrt(s);
        float[] out = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            out[k] = (float) (v[k] / norm);
        }
        return out;
    }

    private static float[] unitF(float[] v) {
        double norm = norm(v);
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
        return v;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
