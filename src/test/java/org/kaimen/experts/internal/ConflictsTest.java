package org.kaimen.experts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaimen.experts.Expert;
import org.kaimen.experts.ExpertStatus;
import org.kaimen.experts.Interest;
import org.kaimen.experts.Sector;

class ConflictsTest {

    @Test
    void anExpertOfTheDraftingDepartmentOrWithAStakeInAPartyIsConflicted() {
        assertThat(Conflicts.find(expert("滨州市住房和城乡建设局"), List.of("滨州市住房和城乡建设局"))).isPresent();
        assertThat(Conflicts.find(expert("某大学", new Interest("滨州市 物业管理协会", "理事")),
                List.of("物业管理协会"))).hasValue("物业管理协会");
        assertThat(Conflicts.find(expert("某大学", new Interest("某物业服务有限公司", "独立董事")),
                List.of("某物业服务有限公司"))).isPresent();
    }

    @Test
    void unrelatedOrganisationsAndSingleCharactersDoNotCount() {
        assertThat(Conflicts.find(expert("滨州医学院", new Interest("中国法学会", "会员")),
                List.of("滨州市住房和城乡建设局", "物业管理协会", "市"))).isEmpty();
    }

    private static Expert expert(String organisation, Interest... interests) {
        return new Expert(1, "某", null, organisation, Sector.ACADEMIA, null, "a@example.org", null, "zh-CN",
                ExpertStatus.APPOINTED, null, LocalDate.of(2025, 1, 1), LocalDate.of(2029, 12, 31), false,
                List.of("law"), List.of(interests));
    }
}
