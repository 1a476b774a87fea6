package org.kaimen.hearings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The published lottery: balanced, reproducible from its seed, and fair to everyone in the input. */
class SpeakerLotteryPropertiesTest {

    @Property(tries = 500)
    void forAndAgainstSpeakersNeverDifferByMoreThanOne(@ForAll("registrants") List<SpeakerLottery.Candidate> in,
                                                      @ForAll @StringLength(min = 1, max = 40) String seed,
                                                      @ForAll @IntRange(min = 0, max = 30) int seats) {
        SpeakerLottery.Draw draw = SpeakerLottery.draw("s" + seed, in, seats);
        Map<Integer, Side> sides = new HashMap<>();
        in.forEach(c -> sides.put(c.number(), c.side()));
        long pro = draw.selected().stream().filter(n -> sides.get(n) == Side.FOR).count();
        long contra = draw.selected().stream().filter(n -> sides.get(n) == Side.AGAINST).count();
        assertThat(Math.abs(pro - contra)).isLessThanOrEqualTo(1);
        assertThat(draw.selected()).hasSizeLessThanOrEqualTo(seats);
    }

    @Property(tries = 500)
    void seatsStayEmptyOnlyWhenNoOneCouldFillThemWithoutBreakingTheBalance(
            @ForAll("registrants") List<SpeakerLottery.Candidate> in, @ForAll @IntRange(min = 0, max = 30) int seats) {
        SpeakerLottery.Draw draw = SpeakerLottery.draw("seed", in, seats);
        if (draw.selected().size() < seats) {
            long pro = in.stream().filter(c -> c.side() == Side.FOR).count();
            long contra = in.stream().filter(c -> c.side() == Side.AGAINST).count();
            long other = in.stream().filter(c -> c.side() == Side.OTHER).count();
            assertThat(draw.selected()).hasSize((int) (Math.min(pro, contra) * 2 + other
                    + (pro != contra ? 1 : 0)));
        }
    }

    @Property(tries = 300)
    void theSameSeedGivesTheSameResultWhateverTheOrderOfTheInput(
            @ForAll("registrants") List<SpeakerLottery.Candidate> in, @ForAll @StringLength(min = 1) String seed,
            @ForAll @IntRange(min = 0, max = 30) int seats, @ForAll long shuffle) {
        List<SpeakerLottery.Candidate> shuffled = new ArrayList<>(in);
        Collections.shuffle(shuffled, new Random(shuffle));
        assertThat(SpeakerLottery.draw("s" + seed, shuffled, seats))
                .isEqualTo(SpeakerLottery.draw("s" + seed, in, seats));
    }

    @Property(tries = 500)
    void nobodyIsSelectedTwiceAndEveryoneEndsUpInExactlyOneList(
            @ForAll("registrants") List<SpeakerLottery.Candidate> in, @ForAll String seed,
            @ForAll @IntRange(min = 0, max = 30) int seats) {
        SpeakerLottery.Draw draw = SpeakerLottery.draw("s" + seed, in, seats);
        List<Integer> all = Stream.of(draw.selected(), draw.waiting(), draw.notSelected())
                .flatMap(List::stream).toList();
        assertThat(new HashSet<>(all)).hasSize(all.size());
        assertThat(all).containsExactlyInAnyOrderElementsOf(in.stream().map(SpeakerLottery.Candidate::number)
                .toList());
        assertThat(draw.waiting()).hasSizeLessThanOrEqualTo(seats);
    }

    @Property(tries = 300)
    void aSideRepeatsASectorOnlyOnceEverySectorOfItsRegistrantsHasASpeaker(
            @ForAll("registrants") List<SpeakerLottery.Candidate> in, @ForAll @IntRange(min = 0, max = 30) int seats) {
        SpeakerLottery.Draw draw = SpeakerLottery.draw("spread", in, seats);
        Map<Integer, SpeakerLottery.Candidate> byNumber = new HashMap<>();
        in.forEach(c -> byNumber.put(c.number(), c));
        for (Side side : Side.values()) {
            Set<String> available = new HashSet<>();
            in.stream().filter(c -> c.side() == side).forEach(c -> available.add(c.sector()));
            List<String> chosen = draw.selected().stream().map(byNumber::get).filter(c -> c.side() == side)
                    .map(SpeakerLottery.Candidate::sector).toList();
            // Selection order: the first |available| picks of a side are all different sectors.
            List<String> head = chosen.subList(0, Math.min(chosen.size(), available.size()));
            assertThat(new HashSet<>(head)).hasSize(head.size());
        }
    }

    @Property(tries = 100)
    void anotherSeedUsuallyGivesAnotherOrder(@ForAll @IntRange(min = 1, max = 1000) int salt) {
        List<SpeakerLottery.Candidate> in = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            in.add(new SpeakerLottery.Candidate(i, Side.values()[i % 3], "行业", "区"));
        }
        assertThat(SpeakerLottery.draw("a" + salt, in, 10).selected())
                .isNotEqualTo(SpeakerLottery.draw("b" + salt, in, 10).selected());
    }

    @Test
    void theTicketIsTheSha256OfSeedColonNumberAsPublished() {
        // echo -n "2026-hearing:7" | sha256sum
        assertThat(SpeakerLottery.ticket("2026-hearing", 7))
                .isEqualTo("01b8cc398cfd08c7407e378588bc3b3456e1f999ce93f180ae67bcfa6b480d3b");
    }

    @Test
    void theSideOfASpeakerIsTheSideOfMostOfTheirStances() {
        assertThat(SpeakerLottery.sideOf(List.of(Side.FOR, Side.FOR, Side.AGAINST))).isEqualTo(Side.FOR);
        assertThat(SpeakerLottery.sideOf(List.of(Side.AGAINST, Side.OTHER))).isEqualTo(Side.AGAINST);
        assertThat(SpeakerLottery.sideOf(List.of(Side.FOR, Side.AGAINST))).isEqualTo(Side.OTHER);
    }

    @Provide
    Arbitrary<List<SpeakerLottery.Candidate>> registrants() {
        Arbitrary<Side> side = Arbitraries.of(Side.class);
        Arbitrary<String> sector = Arbitraries.of("业主", "物业企业", "律师", "社区", "学者");
        Arbitrary<String> district = Arbitraries.of("滨城区", "沾化区", "惠民县", "阳信县");
        return Combinators.combine(side, sector, district).as((s, x, d) -> new Object[] {s, x, d})
                .list().ofMaxSize(40).map(rows -> {
                    List<SpeakerLottery.Candidate> out = new ArrayList<>();
                    for (int i = 0; i < rows.size(); i++) {
                        Object[] r = rows.get(i);
                        out.add(new SpeakerLottery.Candidate(i + 1, (Side) r[0], (String) r[1], (String) r[2]));
                    }
                    return out;
                });
    }
}
