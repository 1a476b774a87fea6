package org.kaimen.hearings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kaimen.shared.infra.LinkTokens;

/**
 * The speaker lottery, published word for word on the hearing page so anyone can recompute it from the seed and the
 * list of registration numbers with their side, sector and district:
 *
 * <ol>
 *   <li>Every registration gets a ticket: the SHA-256 of {@code seed + ":" + registration number} in hexadecimal.</li>
 *   <li>Speakers are split by side (for, against, other). Seats are filled in rounds: for, against, other, for …
 *       A side is skipped when it has no one left, and "for" or "against" is skipped while it already has more
 *       speakers than the opposite side, so the two stay within one of each other (第十二条: 人数大体相当).</li>
 *   <li>Within a side the next speaker is the one whose sector is least represented among that side's speakers so
 *       far, then whose district is, then the smallest ticket (第十三条: 行业特点、地域分布).</li>
 *   <li>After the seats are full the same rounds continue to form the waiting list (as long as the seats); everyone
 *       else is not selected. The waiting list fills a withdrawn seat in its order.</li>
 * </ol>
 * Nothing depends on the order of the input, the time or the machine.
 */
public final class SpeakerLottery {

    public record Candidate(int number, Side side, String sector, String district) {
    }

    /** Registration numbers: the selected in order of selection, the waiting list in order, and the rest. */
    public record Draw(List<Integer> selected, List<Integer> waiting, List<Integer> notSelected) {
    }

    private static final Side[] ROUNDS = {Side.FOR, Side.AGAINST, Side.OTHER};

    private SpeakerLottery() {
    }

    public static Draw draw(String seed, Collection<Candidate> candidates, int seats) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("a draw needs a published seed");
        }
        Map<Side, List<Candidate>> pools = new EnumMap<>(Side.class);
        Map<Integer, String> tickets = new HashMap<>();
        for (Candidate c : candidates) {
            if (tickets.put(c.number(), ticket(seed, c.number())) != null) {
                throw new IllegalArgumentException("registration number " + c.number() + " appears twice");
            }
            pools.computeIfAbsent(c.side(), s -> new ArrayList<>()).add(c);
        }
        State state = new State(pools, tickets);
        List<Integer> selected = state.take(Math.max(0, seats));
        List<Integer> waiting = state.take(Math.max(0, seats));
        List<Integer> rest = new ArrayList<>();
        pools.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing((Candidate c) -> tickets.get(c.number())))
                .forEach(c -> rest.add(c.number()));
        if (waiting.size() < seats) {
            // One side ran out: the rest of the other side still waits, by ticket, rather than being turned away.
            int room = seats - waiting.size();
            waiting.addAll(rest.subList(0, Math.min(room, rest.size())));
            rest.subList(0, Math.min(room, rest.size())).clear();
        }
        return new Draw(List.copyOf(selected), List.copyOf(waiting), List.copyOf(rest));
    }

    /** The overall side of a speaker: the side of most of their stances; a tie between for and against is OTHER. */
    public static Side sideOf(Collection<Side> stances) {
        long pro = stances.stream().filter(s -> s == Side.FOR).count();
        long contra = stances.stream().filter(s -> s == Side.AGAINST).count();
        return pro > contra ? Side.FOR : contra > pro ? Side.AGAINST : Side.OTHER;
    }

    public static String ticket(String seed, int number) {
        return LinkTokens.sha256(seed + ":" + number);
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip();
    }

    private static final class State {
        private final Map<Side, List<Candidate>> pools;
        private final Map<Integer, String> tickets;
        private final Map<Side, Integer> taken = new EnumMap<>(Side.class);
        private final Map<String, Integer> sectors = new HashMap<>();
        private final Map<String, Integer> districts = new HashMap<>();
        private int round;

        State(Map<Side, List<Candidate>> pools, Map<Integer, String> tickets) {
            this.pools = pools;
            this.tickets = tickets;
        }

        List<Integer> take(int limit) {
            List<Integer> out = new ArrayList<>();
            int idle = 0;
            while (out.size() < limit && idle < ROUNDS.length) {
                Side side = ROUNDS[round % ROUNDS.length];
                round++;
                List<Candidate> pool = pools.getOrDefault(side, List.of());
                if (pool.isEmpty() || ahead(side)) {
                    idle++;
                    continue;
                }
                idle = 0;
                Candidate next = pool.stream().min(Comparator
                        .comparingInt((Candidate c) -> sectors.getOrDefault(side + "|" + norm(c.sector()), 0))
                        .thenComparingInt(c -> districts.getOrDefault(side + "|" + norm(c.district()), 0))
                        .thenComparing(c -> tickets.get(c.number()))).orElseThrow();
                pool.remove(next);
                taken.merge(side, 1, Integer::sum);
                sectors.merge(side + "|" + norm(next.sector()), 1, Integer::sum);
                districts.merge(side + "|" + norm(next.district()), 1, Integer::sum);
                out.add(next.number());
            }
            return out;
        }

        private boolean ahead(Side side) {
            if (side == Side.OTHER) {
                return false;
            }
            Side opposite = side == Side.FOR ? Side.AGAINST : Side.FOR;
            return taken.getOrDefault(side, 0) > taken.getOrDefault(opposite, 0);
        }
    }
}
