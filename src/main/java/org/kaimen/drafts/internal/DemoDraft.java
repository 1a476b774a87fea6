package org.kaimen.drafts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSource;
import org.kaimen.drafts.ImportResult;
import org.kaimen.drafts.internal.parsing.ChineseNumerals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dev only: 滨州市住宅物业管理条例 as an open draft with a second version whose edits (an inserted article, a
 * deleted one, the Civil Code's 物业服务人, changed fines and dates) give the redline something to show.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "kaimen.demo.enabled", havingValue = "true")
class DemoDraft implements ApplicationRunner {

    static final String TITLE = "滨州市住宅物业管理条例（草案）";
    private static final Logger log = LoggerFactory.getLogger(DemoDraft.class);
    private static final Pattern ARTICLE = Pattern.compile("^第([一二三四五六七八九十百零〇两]+)条(.*)$");

    private final DraftService drafts;
    private final DraftRepository repository;

    DemoDraft(DraftService drafts, DraftRepository repository) {
        this.drafts = drafts;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (repository.all().stream().anyMatch(d -> d.title().equals(TITLE))) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("demo", null,
                    AuthorityUtils.createAuthorityList("ROLE_DRAFTER")));
            byte[] markdown;
            try (InputStream in = getClass().getResourceAsStream("/demo/binzhou_zhuzhai_wuye_tiaoli_2019.md")) {
                markdown = in.readAllBytes();
            }
            ImportResult first = drafts.create(DraftSource.file("binzhou.md", markdown), TITLE, true);
            String v1 = repository.sourceText(first.id(), 1).orElseThrow();
            drafts.publishVersion(first.id(), DraftSource.text(secondVersion(v1)), "修改稿",
                    "根据征求意见情况，主要作了以下修改：一是依照民法典将“物业服务企业”统一修改为“物业服务人”；"
                            + "二是增加业主委员会定期公开信息的规定；三是删除物业管理联席会议的规定，"
                            + "相关内容由街道办事处统筹；四是提高擅自挪用物业服务用房的罚款数额；五是调整施行日期。");
            drafts.updateMetadata(first.id(), TITLE, "规范住宅物业管理活动，维护业主、物业使用人和物业服务人的合法权益。",
                    "滨州市住房和城乡建设局", true, true);
            log.info("Demo draft '{}' loaded with two versions (id {})", TITLE, first.id());
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
    }

    /** The edits of the demo 修改稿, applied line by line, then every article renumbered in order. */
    static String secondVersion(String v1) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        boolean inserted = false;
        int current = 0;
        for (String line : v1.split("\n", -1)) {
            Matcher m = ARTICLE.matcher(line.strip());
            boolean heading = line.strip().matches("^第[一二三四五六七八九十]+[章节编].*");
            if (m.matches() || heading) {
                if (current == 12 && !inserted) {
                    inserted = true;
                    out.add("第十三条　业主委员会应当每半年向全体业主公开一次业主大会和业主委员会作出的决定、"
                            + "共有部分的经营与收益情况以及专项维修资金的使用情况，接受业主监督。");
                }
                current = m.matches() ? ChineseNumerals.parse(m.group(1)) : current;
                skipping = m.matches() && current == 51;
            }
            if (skipping) {
                continue;
            }
            out.add(line.replace("物业服务企业", "物业服务人")
                    .replace("处二万元以上十万元以下罚款", "处五万元以上二十万元以下罚款")
                    .replace("本条例自2019年10月1日起施行", "本条例自2020年1月1日起施行"));
        }
        return renumber(out);
    }

    private static String renumber(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            Matcher m = ARTICLE.matcher(line.strip());
            sb.append(m.matches() ? "第" + ChineseNumerals.format(++n) + "条" + m.group(2) : line).append('\n');
        }
        return sb.toString();
    }
}
