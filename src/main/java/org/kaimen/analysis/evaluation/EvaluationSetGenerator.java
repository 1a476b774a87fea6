package org.kaimen.analysis.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the labelled Binzhou comment set ({@code evaluation/binzhou-comments.jsonl}).
 *
 * <p>The committed JSONL is the artefact; this class exists so that it can be regenerated and audited. The
 * output depends only on {@link #SEED}, the blocks in {@link GeneratorBlocks} and the campaign templates
 * below: {@link java.util.Random} is specified to produce the same sequence on every JVM, and no hash-ordered
 * collection is iterated while drawing.
 *
 * <p>Run {@code main} from the project root (or {@code mvn test -Dkaimen.evaluation.regenerate=true}) to
 * rewrite the file.
 */
public final class EvaluationSetGenerator {

    /** 27 June 2019, the day the Binzhou standing committee adopted the regulation. */
    public static final long SEED = 20190627L;

    /** Where the artefact lives, relative to the project root. */
    public static final Path DEFAULT_OUTPUT =
            Path.of("src", "main", "resources", "evaluation", "binzhou-comments.jsonl");

    /**
     * Ceiling on the trigram Jaccard between individually written comments of different authors. The data
     * set promises less than 0.5; drafting against a lower bar keeps a margin for the typo and punctuation
     * noise added afterwards.
     */
    static final double GENUINE_SIMILARITY_CEILING = 0.30;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EvaluationSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path output = args.length > 0 ? Path.of(args[0]) : DEFAULT_OUTPUT;
        List<LabelledComment> comments = generate(SEED);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, toJsonl(comments), StandardCharsets.UTF_8);
        System.out.println("wrote " + comments.size() + " comments to " + output.toAbsolutePath());
    }

    /** Draws the whole data set; equal seeds give equal lists. */
    public static List<LabelledComment> generate(long seed) {
        return new Run(seed).generate();
    }

    /** One JSON object per line, newline-terminated, in list order. */
    public static String toJsonl(List<LabelledComment> comments) {
        StringBuilder out = new StringBuilder();
        for (LabelledComment comment : comments) {
            try {
                out.append(MAPPER.writeValueAsString(comment)).append('\n');
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // Vocabulary shared by genuine comments and campaigns.

    enum Register {
        ORDINARY('O'), ELDERLY('E'), COMMITTEE('C'), LAWYER('L'), MANAGER('M'), COMMUNITY('G');

        final char code;

        Register(char code) {
            this.code = code;
        }

        static EnumSet<Register> parse(String tag) {
            if (tag.equals("*")) {
                return EnumSet.allOf(Register.class);
            }
            EnumSet<Register> registers = EnumSet.noneOf(Register.class);
            for (char c : tag.toCharArray()) {
                if (c == 'O') {
                    // Elderly residents and committee members are owners too.
                    registers.addAll(EnumSet.of(ORDINARY, ELDERLY, COMMITTEE));
                    continue;
                }
                boolean known = false;
                for (Register r : values()) {
                    if (r.code == c) {
                        registers.add(r);
                        known = true;
                    }
                }
                if (!known) {
                    throw new IllegalArgumentException("unknown register code " + c + " in tag " + tag);
                }
            }
            return registers;
        }
    }

    enum Stance { SUPPORT, OPPOSE, MODIFY, QUESTION }

    /** County-level divisions of Binzhou with some of their sub-districts, weighted roughly by population. */
    private static final String[][] PLACES = {
            {"滨城区", "34", "市中街道", "市东街道", "市西街道", "彭李街道", "北镇街道", "滨北街道", "梁才街道"},
            {"邹平市", "15", "黛溪街道", "黄山街道", "高新街道"},
            {"博兴县", "10", "博昌街道", "城东街道", "锦秋街道"},
            {"惠民县", "10", "孙武街道", "武定府街道"},
            {"沾化区", "8", "富源街道", "富国街道"},
            {"阳信县", "7", "信城街道", "金阳街道"},
            {"无棣县", "7", "棣丰街道", "海丰街道"},
            {"滨州经济技术开发区", "6", "杜店街道", "沙河街道"},
            {"高新区", "3", "小营街道", "青田街道"},
    };

    /** Fictional estate names; none is meant to identify a real development. */
    private static final String[] ESTATES = {
            "渤海花园", "黄河人家", "锦绣华庭", "御景华府", "中央公园小区", "金茂家园", "翡翠华庭", "凤凰城",
            "新华苑", "书香名邸", "滨河丽景", "水木清华小区", "丽水湾", "东城名苑", "盛世华城", "和平家园",
            "幸福里小区", "福泰花园", "安和小区", "银座花园", "泰和园", "世纪花园", "金色港湾", "鑫城花园",
            "紫薇苑", "渤海一品", "黄河湾小区", "橡树湾", "香樟园", "康居小区", "文汇苑", "银河小区", "阳光花园",
    };

    /** Estates whose names carry a local place name, so they may only appear in that place. */
    private static final Map<String, String[]> LOCAL_ESTATES = Map.of(
            "邹平市", new String[]{"黛溪名苑", "黄山花园"},
            "惠民县", new String[]{"孙武家园"},
            "无棣县", new String[]{"棣州花苑", "海丰小区"},
            "阳信县", new String[]{"金阳小区"},
            "沾化区", new String[]{"富源小区", "冬枣花园"},
            "博兴县", new String[]{"锦秋花园", "乐安城"});

    private static final String[] UNITS = {
            "棉纺厂", "粮食局", "供销社", "化肥厂", "农机公司", "印染厂", "运输公司", "水利局", "二轻局",
            "机械厂", "面粉厂", "百货公司", "油棉厂", "酒厂", "造纸厂", "针织厂",
    };

    private static final String[] OLD_ESTATE_SUFFIXES = {"宿舍", "家属院", "宿舍楼", "老院"};

    private static final String[] SURNAMES = {
            "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何",
            "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "韩", "冯", "于", "董", "程", "曹", "袁", "邓", "许",
            "傅", "沈", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "杜", "夏", "田", "任",
            "姜", "范", "石", "姚", "谭", "邹", "崔", "孔", "毛", "邱", "秦", "史", "侯", "邵", "孟", "段", "尹",
    };

    private static final String[] GIVEN_NAMES = {
            "建国", "秀英", "桂兰", "志强", "海燕", "国庆", "丽娜", "伟", "静", "磊", "洋", "艳", "勇", "军",
            "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "玉兰", "凤英", "红梅", "立新",
            "振华", "淑芬", "建华", "玉梅", "晓东", "文静", "学军", "春燕", "德胜", "美玲", "家豪", "欣怡",
    };

    private static final String[] FEES = {"0.45", "0.6", "0.7", "0.8", "0.95", "1.1", "1.2", "1.35", "1.5", "1.8"};

    /**
     * Input-method slips a real commenter makes: homophones picked from the candidate list, and the odd
     * mixed-up structural particle.
     */
    private static final String[][] TYPOS = {
            {"已经", "以经"}, {"公示", "公式"}, {"反映", "反应"}, {"账", "帐"}, {"安装", "按装"},
            {"必须", "必需"}, {"的时候", "得时候"}, {"部门", "部们"}, {"再说", "在说"}, {"其实", "其时"},
            {"根本", "跟本"}, {"按时", "安时"}, {"一直", "一只"}, {"投诉", "头诉"}, {"应该", "因该"},
    };

    /**
     * Personal vocabulary: each author settles on one wording per row (the first is the one the blocks use),
     * as real commenters do, which keeps two people who make the same point from using the same words.
     * The number is the chance that an author deviates from the blocks' wording.
     */
    private static final Object[][] LEXICON = {
            {"物业公司", 0.4, new String[]{"物业", "物业企业"}},
            {"业委会", 0.3, new String[]{"业主委员会"}},
            {"维修资金", 0.35, new String[]{"维修基金"}},
            {"我觉得", 0.5, new String[]{"我认为", "我感觉", "个人认为"}},
            {"非常", 0.4, new String[]{"特别", "很"}},
            {"开发商", 0.25, new String[]{"开发公司", "建设单位"}},
            {"老百姓", 0.3, new String[]{"群众", "居民"}},
            {"电动车", 0.3, new String[]{"电瓶车"}},
            {"物管会", 0.3, new String[]{"物业管理委员会"}},
            {"(?<!停)车位", 0.25, new String[]{"停车位"}},
            {"支持。", 0.3, new String[]{"赞成。", "同意。"}},
            {"一平米", 0.4, new String[]{"每平方米", "一平方"}},
            {"到现在", 0.3, new String[]{"至今", "到今天"}},
            {"根本(?=[不没])", 0.3, new String[]{"压根", "完全"}},
            {"应当", 0.4, new String[]{"应该"}},
            {"没有", 0.25, new String[]{"没"}},
            {"现在", 0.35, new String[]{"目前", "如今"}},
            {"很多", 0.35, new String[]{"不少", "好多"}},
            {"如果", 0.35, new String[]{"要是", "假如"}},
            {"但是", 0.35, new String[]{"可是", "不过"}},
            {"而且", 0.3, new String[]{"并且", "再说"}},
            {"大家", 0.2, new String[]{"大伙儿", "大伙"}},
            {"比如", 0.35, new String[]{"例如", "譬如"}},
            {"一定要", 0.3, new String[]{"必须", "务必"}},
            {"物业服务企业", 0.3, new String[]{"物业服务公司", "物业企业"}},
            {"这一条", 0.35, new String[]{"这条", "这项规定"}},
            {"可以", 0.2, new String[]{"能"}},
    };

    /**
     * Interchangeable phrasings drawn afresh for every occurrence: the same person does not word the same
     * thought identically twice, let alone two people.
     */
    private static final String[][] PHRASES = {
            {"(?<!能)不能(?!不)", "不可以", "不该"}, {"怎么办", "如何处理"}, {"没人管", "没人过问", "没有人管"},
            {"说不清", "讲不清"}, {"好几(?=[年个户天次回趟])", "好些"}, {"天天", "每天"}, {"等于", "相当于"}, {"写清楚", "写明白"},
            {"希望", "盼望"}, {"必须", "一定要"}, {"很(?![多少])", "挺"}, {"到底", "究竟"}, {"所以", "因此"},
            {"一直", "始终"}, {"经常", "常常", "时常"}, {"不同意", "不赞成"},
    };

    // ------------------------------------------------------------------------------------------------

    /** A hand-written line; {@code uses} lets the drawing prefer lines not yet used elsewhere. */
    static final class Block {
        final String kind;
        final int article;
        final EnumSet<Register> registers;
        final String text;
        int uses;

        Block(String kind, int article, EnumSet<Register> registers, String text) {
            this.kind = kind;
            this.article = article;
            this.registers = registers;
            this.text = text;
        }

        static List<Block> parseAll(String lines) {
            List<Block> blocks = new ArrayList<>();
            for (String line : lines.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.strip().split("\\|", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("malformed block line: " + line);
                }
                String kind = parts[0];
                String tag = parts[1];
                if (isCore(kind)) {
                    String[] articleAndRegisters = tag.split("/", 2);
                    int article = articleAndRegisters[0].equals("*") ? -1 : Integer.parseInt(articleAndRegisters[0]);
                    EnumSet<Register> registers = articleAndRegisters.length == 2
                            ? Register.parse(articleAndRegisters[1]) : EnumSet.allOf(Register.class);
                    blocks.add(new Block(kind, article, registers, parts[2]));
                } else {
                    blocks.add(new Block(kind, -1, Register.parse(tag), parts[2]));
                }
            }
            return blocks;
        }

        static boolean isCore(String kind) {
            return kind.equals("sup") || kind.equals("opp") || kind.equals("mod") || kind.equals("que");
        }

        Stance stance() {
            return switch (kind) {
                case "sup" -> Stance.SUPPORT;
                case "opp" -> Stance.OPPOSE;
                case "mod" -> Stance.MODIFY;
                case "que" -> Stance.QUESTION;
                default -> throw new IllegalStateException(kind + " carries no stance");
            };
        }
    }

    static final class Topic {
        final String label;
        final int[] articles;
        final int[] weights;
        final int genuineComments;
        final List<Block> situations = new ArrayList<>();
        final List<Block> arguments = new ArrayList<>();
        final Map<Stance, List<Block>> cores = new EnumMap<>(Stance.class);

        Topic(GeneratorBlocks.TopicSource source) {
            this.label = source.label();
            this.genuineComments = source.genuineComments();
            String[] pairs = source.articleWeights().trim().split("\\s+");
            articles = new int[pairs.length];
            weights = new int[pairs.length];
            for (int i = 0; i < pairs.length; i++) {
                String[] kv = pairs[i].split(":");
                articles[i] = Integer.parseInt(kv[0]);
                weights[i] = Integer.parseInt(kv[1]);
            }
            for (Stance s : Stance.values()) {
                cores.put(s, new ArrayList<>());
            }
            for (Block b : Block.parseAll(source.lines())) {
                switch (b.kind) {
                    case "sit" -> situations.add(b);
                    case "arg" -> arguments.add(b);
                    default -> cores.get(b.stance()).add(b);
                }
            }
        }
    }

    /** A pseudonymous commenter; place and estate stay fixed so that prolific authors stay consistent. */
    static final class Author {
        final String key;
        final Register register;
        final String place;
        final String street;
        final String estate;
        final String unit;
        final String oldEstate;
        final String surname;
        final String fullName;
        final Set<String> topics = new HashSet<>();
        /** Replacement per {@link #LEXICON} row, {@code null} where the author uses the blocks' wording. */
        final String[] lexicon = new String[LEXICON.length];
        int comments;

        Author(String key, Register register, String place, String street, String estate, String unit,
               String oldEstate, String surname, String fullName) {
            this.key = key;
            this.register = register;
            this.place = place;
            this.street = street;
            this.estate = estate;
            this.unit = unit;
            this.oldEstate = oldEstate;
            this.surname = surname;
            this.fullName = fullName;
        }
    }

    /** A comment before ids are assigned. */
    static final class Draft {
        final int article;
        final Stance stance;
        final String topic;
        String campaign;
        final Author author;
        final String text;

        Draft(int article, Stance stance, String topic, String campaign, Author author, String text) {
            this.article = article;
            this.stance = stance;
            this.topic = topic;
            this.campaign = campaign;
            this.author = author;
            this.text = text;
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** All mutable drawing state of one generation, so that {@link #generate(long)} is repeatable. */
    static final class Run {
        private static final Pattern SLOT = Pattern.compile("\\{([^{}]+)}");
        private static final Pattern RANGE = Pattern.compile("n:(\\d+)-(\\d+)");

        private final Random random;
        private final List<Topic> topics = new ArrayList<>();
        private final Map<String, List<Block>> framing = new LinkedHashMap<>();
        private final List<Author> authors = new ArrayList<>();
        private final Set<Integer> usedKeys = new HashSet<>();
        private final List<Draft> genuine = new ArrayList<>();
        private final List<Set<String>> genuineGrams = new ArrayList<>();

        Run(long seed) {
            random = new Random(seed);
            GeneratorBlocks.TOPICS.forEach(source -> topics.add(new Topic(source)));
            for (Block b : Block.parseAll(GeneratorBlocks.FRAMING)) {
                framing.computeIfAbsent(b.kind, k -> new ArrayList<>()).add(b);
            }
        }

        List<LabelledComment> generate() {
            writeGenuineComments();
            List<Draft> all = new ArrayList<>(genuine);
            all.addAll(Campaigns.elevatorEmergencyRepair(this));
            all.addAll(Campaigns.feeMailMerge(this));
            all.addAll(Campaigns.parkingShort(this));
            all.addAll(Campaigns.oldEstateTemplate(this));
            all.addAll(Campaigns.committeeQuote(this));
            all.addAll(Campaigns.ebikeCharging(this));
            all.addAll(repeats());
            // Submissions arrive interleaved; shuffling keeps ids from revealing campaign membership.
            Collections.shuffle(all, random);
            List<LabelledComment> comments = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                Draft d = all.get(i);
                comments.add(new LabelledComment(i + 1, d.article, d.stance.name(), d.topic, d.campaign,
                        d.author.key, d.text));
            }
            return comments;
        }

        // ---- genuine comments ----------------------------------------------------------------------

        private void writeGenuineComments() {
            List<Topic> order = new ArrayList<>();
            for (Topic t : topics) {
                for (int i = 0; i < t.genuineComments; i++) {
                    order.add(t);
                }
            }
            // Interleaving topics spreads the shared openings and closings evenly over all of them.
            Collections.shuffle(order, random);
            for (Topic topic : order) {
                Author author = authorFor(topic);
                Draft best = null;
                Set<String> bestGrams = null;
                List<Block> bestBlocks = null;
                double bestSimilarity = Double.MAX_VALUE;
                for (int attempt = 0; attempt < 120; attempt++) {
                    List<Block> used = new ArrayList<>();
                    Draft candidate = composeGenuine(topic, author, used);
                    Set<String> grams = CharacterTrigrams.of(candidate.text);
                    double similarity = maxSimilarity(grams, author);
                    if (similarity < bestSimilarity) {
                        best = candidate;
                        bestGrams = grams;
                        bestBlocks = used;
                        bestSimilarity = similarity;
                    }
                    if (similarity < GENUINE_SIMILARITY_CEILING) {
                        break;
                    }
                }
                if (bestSimilarity >= 0.5) {
                    throw new IllegalStateException("blocks of topic " + topic.label
                            + " are too few to write another distinct comment");
                }
                bestBlocks.forEach(b -> b.uses++);
                author.comments++;
                author.topics.add(topic.label);
                genuine.add(best);
                genuineGrams.add(bestGrams);
            }
        }

        private double maxSimilarity(Set<String> grams, Author author) {
            double max = 0;
            for (int i = 0; i < genuine.size(); i++) {
                if (genuine.get(i).author != author) {
                    max = Math.max(max, CharacterTrigrams.jaccard(grams, genuineGrams.get(i)));
                }
            }
            return max;
        }

        private Author authorFor(Topic topic) {
            Register register = weighted(new Register[]{Register.ORDINARY, Register.ELDERLY, Register.COMMITTEE,
                    Register.LAWYER, Register.MANAGER, Register.COMMUNITY}, new int[]{45, 12, 12, 10, 11, 10});
            if (register == Register.LAWYER || register == Register.MANAGER || register == Register.COMMITTEE
                    || register == Register.COMMUNITY) {
                // Professionals and activists often comment on several chapters of the same draft.
                List<Author> regulars = new ArrayList<>();
                for (Author a : authors) {
                    if (a.register == register && a.comments > 0 && a.comments < 4 && !a.topics.contains(topic.label)) {
                        regulars.add(a);
                    }
                }
                if (!regulars.isEmpty() && random.nextDouble() < 0.35) {
                    return regulars.get(random.nextInt(regulars.size()));
                }
            }
            return newAuthor(register);
        }

        Author newAuthor(Register register) {
            int key;
            do {
                key = 10000 + random.nextInt(90000);
            } while (!usedKeys.add(key));
            String[] place = pickPlace();
            String street = place[2 + random.nextInt(place.length - 2)];
            String unit = pick(UNITS);
            String surname = pick(SURNAMES);
            String[] local = LOCAL_ESTATES.get(place[0]);
            String estate = local != null && random.nextDouble() < 0.25 ? pick(local) : pick(ESTATES);
            Author author = new Author("u" + key, register, place[0], street, estate, unit,
                    unit + pick(OLD_ESTATE_SUFFIXES), surname, surname + pick(GIVEN_NAMES));
            for (int i = 0; i < LEXICON.length; i++) {
                if (random.nextDouble() < (double) LEXICON[i][1]) {
                    author.lexicon[i] = pick((String[]) LEXICON[i][2]);
                }
            }
            authors.add(author);
            return author;
        }

        /** Applies the author's vocabulary and per-comment phrasing outside quotations, which stay verbatim. */
        private String personalise(String text, Author author) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                int open = text.indexOf('“', i);
                int end = open < 0 ? text.length() : open;
                String plain = text.substring(i, end);
                for (int row = 0; row < LEXICON.length; row++) {
                    if (author.lexicon[row] != null) {
                        plain = plain.replaceAll((String) LEXICON[row][0], Matcher.quoteReplacement(author.lexicon[row]));
                    }
                }
                out.append(vary(plain));
                if (open < 0) {
                    break;
                }
                int close = text.indexOf('”', open);
                close = close < 0 ? text.length() : close + 1;
                out.append(text, open, close);
                i = close;
            }
            return out.toString();
        }

        /** An existing individual commenter willing to sign a form letter, or a new one. */
        Author campaignMember(Set<Author> alreadySigned) {
            if (random.nextDouble() < 0.2) {
                List<Author> candidates = new ArrayList<>();
                for (Author a : authors) {
                    if (a.comments > 0 && !alreadySigned.contains(a) && (a.register == Register.ORDINARY
                            || a.register == Register.ELDERLY || a.register == Register.COMMITTEE)) {
                        candidates.add(a);
                    }
                }
                if (!candidates.isEmpty()) {
                    Author a = candidates.get(random.nextInt(candidates.size()));
                    alreadySigned.add(a);
                    return a;
                }
            }
            Author a = newAuthor(random.nextDouble() < 0.8 ? Register.ORDINARY : Register.ELDERLY);
            alreadySigned.add(a);
            return a;
        }

        private Draft composeGenuine(Topic topic, Author author, List<Block> used) {
            Register register = author.register;
            int article = weighted(topic.articles, topic.weights);
            Stance stance = weighted(Stance.values(), new int[]{20, 20, 45, 15});
            Block core = pickCore(topic, stance, article, register);
            used.add(core);
            stance = core.stance();
            Map<String, String> slots = new LinkedHashMap<>();

            if (register != Register.ORDINARY && register != Register.ELDERLY && random.nextDouble() < 0.22) {
                return composeNumbered(topic, author, article, stance, core, slots, used);
            }

            double length = random.nextDouble();
            boolean isShort = length < 0.22;
            boolean isLong = length >= 0.68;
            boolean owner = register == Register.ORDINARY || register == Register.ELDERLY
                    || register == Register.COMMITTEE;

            Block open = null;
            Block situation = null;
            Block argument = null;
            Block extra = null;
            Block close = null;
            double openChance = switch (register) {
                case ORDINARY -> 0.3;
                case ELDERLY -> 0.6;
                default -> 0.8;
            };
            if (!isShort) {
                if (random.nextDouble() < openChance + (isLong ? 0.15 : 0)) {
                    open = pickFramed("open", register);
                }
                double situationChance = owner ? 0.85 : 0.3;
                if (isLong) {
                    if (random.nextDouble() < situationChance) {
                        situation = pickFor(topic.situations, register);
                    }
                    if (random.nextDouble() < 0.75 || situation == null) {
                        argument = pickFor(topic.arguments, register);
                    }
                } else if (random.nextDouble() < (owner ? 0.7 : 0.2)) {
                    situation = pickFor(topic.situations, register);
                }
                if (situation == null && argument == null) {
                    argument = pickFor(topic.arguments, register);
                }
                double extraChance = switch (stance) {
                    case OPPOSE -> 0.6;
                    case MODIFY -> 0.35;
                    case QUESTION -> 0.3;
                    case SUPPORT -> 0.25;
                };
                if (isLong && random.nextDouble() < extraChance) {
                    extra = pickExtra(topic, core, article, register);
                }
                if (random.nextDouble() < (isLong ? 0.6 : 0.3)) {
                    close = pickFramed("close", register);
                }
            } else if (random.nextDouble() < 0.25) {
                open = pickSelfContained(register);
            }
            if (open != null && situation == null && argument == null && !selfContained(open)) {
                open = pickSelfContained(register);
            }

            // Parts carry a drop priority: when a comment runs too long, framing goes first and the core last.
            List<String> parts = new ArrayList<>();
            List<Integer> priorities = new ArrayList<>();
            if (open != null) {
                parts.add(fill(open.text, author, article, slots));
                priorities.add(2);
            }
            if (situation != null) {
                parts.add(fill(situation.text, author, article, slots));
                priorities.add(5);
            }
            if (argument != null) {
                parts.add(fill(argument.text, author, article, slots));
                priorities.add(3);
            }
            parts.add(coreLead(core, article, situation != null || argument != null)
                    + fill(core.text, author, article, slots));
            priorities.add(Integer.MAX_VALUE);
            if (extra != null) {
                parts.add(pick("另外，", "同时，", "", "还有，", "再一个，") + fill(extra.text, author, article, slots));
                priorities.add(4);
            }
            if (close != null) {
                parts.add(fill(close.text, author, article, slots));
                priorities.add(1);
            }

            boolean paragraphs = isLong && random.nextDouble() < 0.15;
            String text = join(parts, paragraphs);
            while (text.length() > 300 && parts.size() > 1) {
                int drop = priorities.indexOf(Collections.min(priorities));
                parts.remove(drop);
                priorities.remove(drop);
                text = join(parts, paragraphs);
            }
            text = roughen(personalise(text, author), register);
            if (text.length() < 15) {
                text = fill(pickSelfContained(register).text, author, article, slots) + text;
            }
            for (Block b : new Block[]{open, situation, argument, extra, close}) {
                if (b != null) {
                    used.add(b);
                }
            }
            return new Draft(article, stance, topic.label, null, author, text);
        }

        /**
         * Professionals and committee members often submit several numbered points on one chapter; these are
         * the longest comments of the set.
         */
        private Draft composeNumbered(Topic topic, Author author, int article, Stance stance, Block core,
                                      Map<String, String> slots, List<Block> used) {
            List<Block> points = new ArrayList<>(List.of(core));
            List<Block> others = new ArrayList<>();
            for (Stance s : Stance.values()) {
                for (Block b : topic.cores.get(s)) {
                    if (b != core && b.registers.contains(author.register)) {
                        others.add(b);
                    }
                }
            }
            int wanted = 2 + random.nextInt(3);
            while (points.size() < wanted && !others.isEmpty()) {
                Block next = fresh(others);
                others.remove(next);
                points.add(next);
            }
            String[] numerals = {"一、", "二、", "三、", "四、"};
            String[] inline = {"一是", "二是", "三是", "四是"};
            boolean lines = random.nextDouble() < 0.6;
            Block open = pickSelfContained(author.register);
            Block argument = random.nextDouble() < 0.5 ? pickFor(topic.arguments, author.register) : null;
            Block close = random.nextDouble() < 0.5 ? pickFramed("close", author.register) : null;
            StringBuilder text = new StringBuilder();
            if (open != null) {
                text.append(fill(open.text, author, article, slots));
                used.add(open);
            }
            if (argument != null) {
                text.append(fill(argument.text, author, article, slots));
                used.add(argument);
            }
            String head = text.toString();
            String tail = close != null ? fill(close.text, author, article, slots) : "";
            List<String> rendered = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                String point = fill(points.get(i).text, author, article, slots);
                if (!lines && i < points.size() - 1 && point.endsWith("。")) {
                    point = point.substring(0, point.length() - 1) + "；";
                }
                rendered.add((lines ? "\n" + numerals[i] : inline[i]) + point);
            }
            // Later points give way first when the whole would exceed the length bound of the data set.
            while (rendered.size() > 2 && (head + String.join("", rendered) + tail).length() > 300) {
                rendered.remove(rendered.size() - 1);
                points.remove(points.size() - 1);
            }
            String body = head + String.join("", rendered) + (lines && !tail.isEmpty() ? "\n" : "") + tail;
            if (body.length() > 300) {
                body = String.join("", rendered).strip();
            }
            used.addAll(points.subList(1, points.size()));
            if (close != null) {
                used.add(close);
            }
            return new Draft(article, stance, topic.label, null, author, roughen(personalise(body.strip(), author),
                    author.register));
        }

        private String coreLead(Block core, int article, boolean hasContext) {
            if (core.article > 0 && !core.text.contains("第" + chineseNumber(article) + "条")
                    && random.nextDouble() < 0.35) {
                return pick("关于第" + chineseNumber(article) + "条，", "第" + article + "条：",
                        "【第" + chineseNumber(article) + "条】", "对第" + chineseNumber(article) + "条提个意见：");
            }
            if (!hasContext) {
                return "";
            }
            return switch (core.stance()) {
                case MODIFY -> core.text.startsWith("建议") ? pick("", "", "所以", "因此", "为此", "我的意见是，") : "";
                case QUESTION -> pick("", "", "想问一下：", "请问：", "我想问，");
                case OPPOSE -> pick("", "", "说实话，", "我的看法是，");
                case SUPPORT -> core.text.startsWith("第") ? pick("", "", "总体上，") : "";
            };
        }

        /** Joins parts so that an opening ending in a comma or colon runs on into the next sentence. */
        private static String join(List<String> parts, boolean paragraphs) {
            StringBuilder text = new StringBuilder();
            for (String part : parts) {
                if (text.length() > 0) {
                    char last = text.charAt(text.length() - 1);
                    if (paragraphs && last != '，' && last != '：') {
                        text.append('\n');
                    }
                }
                text.append(part);
            }
            return text.toString();
        }

        private Block pickCore(Topic topic, Stance stance, int article, Register register) {
            List<Block> specific = matching(topic.cores.get(stance), article, register);
            if (article != 0 && !specific.isEmpty() && random.nextDouble() < 0.8) {
                return fresh(specific);
            }
            if (article != 0 && specific.isEmpty() && random.nextDouble() < 0.6) {
                // People commenting on an article tend to talk about what the article says; let the stance
                // follow the article rather than force a generic sentence onto it.
                List<Block> anyStance = new ArrayList<>();
                for (Stance s : Stance.values()) {
                    anyStance.addAll(matching(topic.cores.get(s), article, register));
                }
                if (!anyStance.isEmpty()) {
                    return fresh(anyStance);
                }
            }
            List<Block> general = matching(topic.cores.get(stance), -1, register);
            if (!general.isEmpty()) {
                return fresh(general);
            }
            List<Block> fallback = new ArrayList<>();
            for (Stance s : Stance.values()) {
                fallback.addAll(matching(topic.cores.get(s), -1, register));
                if (article != 0) {
                    fallback.addAll(matching(topic.cores.get(s), article, register));
                }
            }
            if (fallback.isEmpty()) {
                // Comments on the draft as a whole often cite a particular article in passing.
                for (Stance s : Stance.values()) {
                    for (Block b : topic.cores.get(s)) {
                        if (b.registers.contains(register)) {
                            fallback.add(b);
                        }
                    }
                }
            }
            return fresh(fallback);
        }

        private Block pickExtra(Topic topic, Block core, int article, Register register) {
            List<Block> candidates = new ArrayList<>();
            for (Block b : topic.cores.get(Stance.MODIFY)) {
                if (b != core && b.registers.contains(register) && (b.article == -1 || b.article == article)) {
                    candidates.add(b);
                }
            }
            return candidates.isEmpty() ? null : fresh(candidates);
        }

        private static List<Block> matching(List<Block> blocks, int article, Register register) {
            List<Block> out = new ArrayList<>();
            for (Block b : blocks) {
                if (b.article == article && b.registers.contains(register)) {
                    out.add(b);
                }
            }
            return out;
        }

        private Block pickFor(List<Block> blocks, Register register) {
            List<Block> out = new ArrayList<>();
            for (Block b : blocks) {
                if (b.registers.contains(register)) {
                    out.add(b);
                }
            }
            return out.isEmpty() ? null : fresh(out);
        }

        /** An opening that reads as a sentence of its own, for comments that go straight to the point. */
        private Block pickSelfContained(Register register) {
            List<Block> out = new ArrayList<>();
            for (Block b : framing.get("open")) {
                if (b.registers.contains(register) && selfContained(b)) {
                    out.add(b);
                }
            }
            return out.isEmpty() ? null : fresh(out);
        }

        private static boolean selfContained(Block open) {
            return !open.text.endsWith("，") && !open.text.endsWith("{，|。}");
        }

        private Block pickFramed(String kind, Register register) {
            return pickFor(framing.get(kind), register);
        }

        /** Weighted towards lines used least so far, so that no sentence becomes a de-facto template. */
        private Block fresh(List<Block> blocks) {
            double[] weights = new double[blocks.size()];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = 1.0 / Math.pow(1 + blocks.get(i).uses, 3);
                total += weights[i];
            }
            double r = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r <= 0) {
                    return blocks.get(i);
                }
            }
            return blocks.get(blocks.size() - 1);
        }

        /** Register-dependent noise: dialect, input-method slips and careless punctuation. */
        private String roughen(String text, Register register) {
            double dialect = switch (register) {
                case ELDERLY -> 0.35;
                case ORDINARY -> 0.12;
                default -> 0;
            };
            if (random.nextDouble() < dialect) {
                text = text.replaceFirst("我们", "俺们").replace("什么", "啥").replace("怎么", "咋");
            }
            boolean careless = register == Register.ORDINARY || register == Register.ELDERLY
                    || register == Register.MANAGER;
            if (random.nextDouble() < (careless ? 0.14 : 0.04)) {
                List<String[]> applicable = new ArrayList<>();
                for (String[] typo : TYPOS) {
                    if (text.contains(typo[0])) {
                        applicable.add(typo);
                    }
                }
                if (!applicable.isEmpty()) {
                    String[] typo = applicable.get(random.nextInt(applicable.size()));
                    text = text.replaceFirst(Pattern.quote(typo[0]), typo[1]);
                }
            }
            if (careless) {
                double r = random.nextDouble();
                if (r < 0.06) {
                    text = text.replace('，', ',');
                } else if (r < 0.11 && text.endsWith("。")) {
                    text = text.substring(0, text.length() - 1);
                } else if (r < 0.14 && (text.endsWith("。") || text.endsWith("！"))) {
                    text = text.substring(0, text.length() - 1) + "！！！";
                } else if (r < 0.17) {
                    text = text.replace("。", "。 ");
                    text = text.strip();
                }
            }
            return text;
        }

        private String vary(String text) {
            for (String[] phrase : PHRASES) {
                Matcher m = Pattern.compile(phrase[0]).matcher(text);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String replacement = random.nextDouble() < 0.4
                            ? phrase[1 + random.nextInt(phrase.length - 1)] : m.group();
                    m.appendReplacement(out, Matcher.quoteReplacement(replacement));
                }
                m.appendTail(out);
                text = out.toString();
            }
            return text;
        }

        // ---- repeats -------------------------------------------------------------------------------

        /**
         * Some people press "submit" twice, or come back a day later and paste the same text: exact copies by
         * the same author, grouped under {@code repeat-<author>}.
         */
        private List<Draft> repeats() {
            List<Draft> candidates = new ArrayList<>();
            for (Draft d : genuine) {
                if (d.author.comments == 1 && d.author.register != Register.LAWYER
                        && d.author.register != Register.COMMUNITY && d.text.length() > 40) {
                    candidates.add(d);
                }
            }
            Collections.shuffle(candidates, random);
            List<Draft> copies = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Draft original = candidates.get(i);
                original.campaign = LabelledComment.REPEAT_PREFIX + original.author.key;
                int extraCopies = i == 0 ? 2 : 1;
                for (int c = 0; c < extraCopies; c++) {
                    copies.add(new Draft(original.article, original.stance, original.topic, original.campaign,
                            original.author, original.text));
                }
            }
            return copies;
        }

        // ---- slots and drawing helpers -------------------------------------------------------------

        /**
         * Fills {@code {slot}} placeholders. Author slots come from the author; other named slots are drawn
         * once per comment so that one comment never names two different floors or fees.
         */
        String fill(String template, Author author, int article, Map<String, String> slots) {
            Matcher m = SLOT.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String value;
                Matcher range = RANGE.matcher(key);
                if (key.contains("|")) {
                    String[] options = key.split("\\|", -1);
                    value = options[random.nextInt(options.length)];
                } else if (range.matches()) {
                    int lo = Integer.parseInt(range.group(1));
                    int hi = Integer.parseInt(range.group(2));
                    value = Integer.toString(lo + random.nextInt(hi - lo + 1));
                } else {
                    value = switch (key) {
                        case "place" -> author.place;
                        case "street" -> author.street;
                        case "estate" -> author.estate;
                        case "unit" -> author.unit;
                        case "oldestate" -> author.oldEstate;
                        case "surname" -> author.surname;
                        case "name" -> author.fullName;
                        case "art" -> Integer.toString(article);
                        case "artcn" -> chineseNumber(article);
                        case "fee2" -> {
                            // A fee increase must be an increase over the fee named in the same comment.
                            String fee = slots.computeIfAbsent("fee", this::drawSlot);
                            yield slots.computeIfAbsent("fee2", k -> new BigDecimal(fee)
                                    .add(new BigDecimal(pick("0.2", "0.3", "0.4", "0.5")))
                                    .stripTrailingZeros().toPlainString());
                        }
                        default -> slots.computeIfAbsent(key, this::drawSlot);
                    };
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String drawSlot(String key) {
            return switch (key) {
                case "year" -> Integer.toString(2004 + random.nextInt(13));
                case "floor" -> Integer.toString(7 + random.nextInt(26));
                case "fee" -> pick(FEES);
                default -> throw new IllegalArgumentException("unknown slot {" + key + "}");
            };
        }

        private String[] pickPlace() {
            int total = 0;
            for (String[] p : PLACES) {
                total += Integer.parseInt(p[1]);
            }
            int r = random.nextInt(total);
            for (String[] p : PLACES) {
                r -= Integer.parseInt(p[1]);
                if (r < 0) {
                    return p;
                }
            }
            throw new IllegalStateException();
        }

        @SafeVarargs
        final <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        int nextInt(int bound) {
            return random.nextInt(bound);
        }

        <T> void shuffle(List<T> list) {
            Collections.shuffle(list, random);
        }

        private <T> T weighted(T[] options, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < options.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return options[i];
                }
            }
            throw new IllegalStateException();
        }

        private int weighted(int[] options, int[] weights) {
            Integer[] boxed = new Integer[options.length];
            for (int i = 0; i < options.length; i++) {
                boxed[i] = options[i];
            }
            return weighted(boxed, weights);
        }
    }

    static String chineseNumber(int n) {
        String[] digits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 0 || n > 99) {
            throw new IllegalArgumentException("article number out of range: " + n);
        }
        if (n < 10) {
            return digits[n];
        }
        String tens = n < 20 ? "十" : digits[n / 10] + "十";
        return n % 10 == 0 ? tens : tens + digits[n % 10];
    }
}
