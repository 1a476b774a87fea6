package org.kaimen.analysis;

import static org.kaimen.testsupport.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaimen.accounts.Role;
import org.kaimen.comments.CommentService;
import org.kaimen.comments.NewComment;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.testsupport.Http;
import org.kaimen.testsupport.IntegrationTest;
import org.kaimen.testsupport.Regulation;
import org.kaimen.testsupport.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

@IntegrationTest
class CampaignIT {

    static final String TEMPLATE = "我们坚决反对物业费上涨。物业公司的服务质量没有提高，业委会也没有征求业主意见，"
            + "物业费调整必须经过业主大会表决同意，并公开成本测算。";
    static final List<String> GENUINE = List.of(
            "电梯经常故障，维修资金使用程序太复杂，应当简化。",
            "建议规划更多停车位，并明确车位收费标准。",
            "垃圾分类设施应当由物业服务人负责日常维护。",
            "装修管理规定过于严格，应当允许业主周末装修。",
            "宠物管理应当写入管理规约。");

    @LocalServerPort
    int port;
    @Autowired
    DraftService drafts;
    @Autowired
    CommentService comments;
    @Autowired
    TestAccounts accounts;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.kaimen.analysis.CampaignService campaignService;

    @Test
    void aPlantedCampaignWithEditedCopiesIsFoundWholeAndSearchFiltersByIt() throws Exception {
        String drafter = accounts.create(Role.DRAFTER);
        as(drafter, "ROLE_DRAFTER");
        long draftId = drafts.create(DraftSource.text(Regulation.plain(Regulation.BINZHOU)), "运动测试", true).id();
        List<Long> campaign = new ArrayList<>();
        String[] greetings = {"", "我是3号楼业主，", "王阿姨：", "", "2单元住户意见：", "", "李先生：", "", "", "一位老业主：",
                "", "5号楼："};
        for (int i = 0; i < greetings.length; i++) {
            String text = greetings[i] + (i % 3 == 1 ? TEMPLATE.replace("物业公司", "物业服务企业")
                    .replace("业委会", "业主委员会") : TEMPLATE) + (i % 4 == 0 ? "请重视！" : "");
            campaign.add(submit(draftId, text));
        }
        List<Long> genuine = new ArrayList<>();
        for (String text : GENUINE) {
            genuine.add(submit(draftId, text));
        }
        Http http = new Http(port);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode found = json.readTree(http.getAs(drafter, TestAccounts.PASSWORD,
                    "/api/v1/drafts/" + draftId + "/campaigns").body());
            return found.size() == 1 && found.get(0).path("size").asInt() == campaign.size();
        });
        JsonNode found = json.readTree(http.getAs(drafter, TestAccounts.PASSWORD,
                "/api/v1/drafts/" + draftId + "/campaigns").body()).get(0);
        Set<Long> members = new HashSet<>();
        found.path("commentIds").forEach(n -> members.add(n.asLong()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(campaign).doesNotContainAnyElementsOf(genuine);
        assertThat(found.path("canonicalText").asText()).contains("坚决反对物业费上涨");

        long campaignId = found.path("id").asLong();
        as(drafter, "ROLE_DRAFTER");
        try {
            var listed = campaignService.members(draftId, campaignId);
            assertThat(listed).hasSize(campaign.size());
            var withGreeting = listed.stream().filter(m -> m.text().startsWith("王阿姨：")).findFirst().orElseThrow();
            assertThat(withGreeting.additions()).anySatisfy(span ->
                    assertThat(withGreeting.text().substring(span[0], span[1])).contains("王阿姨"));
        } finally {
            SecurityContextHolder.clearContext();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(http.getAs(drafter, TestAccounts.PASSWORD,
                "/api/v1/drafts/" + draftId + "/comments/search?campaign=" + campaignId).body())
                .path("total").asInt() == campaign.size());
    }

    private long submit(long draftId, String text) {
        String citizen = accounts.create(Role.CITIZEN);
        as(citizen, "ROLE_CITIZEN");
        try {
            return comments.submit(new NewComment(draftId, null, Stance.OPPOSE, text, null, null, null, null, null,
                    null, false, null, null, null, null, true)).id();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

}
