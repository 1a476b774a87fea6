package org.kaimen.comments.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.kaimen.comments.Channel;
import org.kaimen.comments.CommentStatus;
import org.kaimen.comments.Stance;
import org.kaimen.drafts.DraftService;
import org.kaimen.drafts.DraftSummary;
import org.kaimen.drafts.Provision;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Dev only: a few dozen realistic comments on the demo draft, so heat marks, statistics and lists show something. */
@Component
@Order(20)
@ConditionalOnProperty(name = "kaimen.demo.enabled", havingValue = "true")
class DemoComments implements ApplicationRunner {

    private record Seed(String article, Stance stance, Channel channel, String name, String text, String proposed) {
    }

    private static final List<Seed> SEEDS = List.of(
            new Seed("a12", Stance.MODIFY, Channel.ONLINE, "刘强", "业主委员会不召集会议怎么办？建议规定街道办事处在三十日内代为召集。",
                    null),
            new Seed("a12", Stance.SUPPORT, Channel.ONLINE, "陈静", "支持由业主委员会负责召集，但应当提前十五日公告。", null),
            new Seed("a12", Stance.QUESTION, Channel.LIAISON_STATION, "赵大爷", "老年人不会用手机，书面征求意见能否送到家里？", null),
            new Seed("a13", Stance.SUPPORT, Channel.ONLINE, "孙丽", "业委会每半年公开一次账目很有必要，建议同时公开公共收益明细。", null),
            new Seed("a13", Stance.MODIFY, Channel.ONLINE, "周伟", "半年太长，建议每季度公开一次，并在小区公示栏和手机上同步公开。",
                    null),
            new Seed("a21", Stance.OPPOSE, Channel.LETTER, "吴女士", "物业服务用房面积标准偏低，很多老小区根本没有物业用房。", null),
            new Seed("a36", Stance.MODIFY, Channel.ONLINE, "郑先生", "电梯维修资金的使用程序太复杂，紧急情况下应当简化表决程序，可以先维修后公示。",
                    null),
            new Seed("a36", Stance.SUPPORT, Channel.ONLINE, "王芳", "支持对专项维修资金使用进行公示。", null),
            new Seed("a40", Stance.OPPOSE, Channel.ONLINE, "李明", "物业费标准每年上涨，业主没有议价能力，建议物业费调整必须经业主大会同意。",
                    null),
            new Seed("a40", Stance.MODIFY, Channel.EMAIL, "张华", "物业费应当与服务质量挂钩，建议引入第三方评估，评估不合格的不得上调物业费。",
                    null),
            new Seed("a45", Stance.QUESTION, Channel.ONLINE, null, "物业服务人退出时不移交资料，业主该找哪个部门？", null),
            new Seed("a9", Stance.MODIFY, Channel.ONLINE, "黄磊", "十人以上业主联名门槛太低还是太高？建议按业主人数比例确定。", null),
            new Seed("a5", Stance.SUPPORT, Channel.LIAISON_STATION, "社区居民座谈会", "明确各部门职责很好，希望避免相互推诿。", null),
            new Seed("a52", Stance.MODIFY, Channel.ONLINE, "林涛", "罚款数额提高是必要的，挪用物业服务用房的行为在我们小区很常见。", null));

    private final CommentRepository comments;
    private final DraftService drafts;
    private final ModerationRules moderation;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoComments(CommentRepository comments, DraftService drafts, ModerationRules moderation, Clock clock,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.comments = comments;
        this.drafts = drafts;
        this.moderation = moderation;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        DraftSummary draft = drafts.publicDrafts().stream().filter(d -> d.title().equals("滨州市住宅物业管理条例（草案）"))
                .findFirst().orElse(null);
        if (draft == null || comments.count(draft.id(), null, null, null, false) > 0) {
            return;
        }
        List<Provision> tree = drafts.tree(draft.id(), 0);
        int i = 0;
        for (Seed seed : SEEDS) {
            Provision article = Provision.find(tree, seed.article());
            OffsetDateTime now = OffsetDateTime.now(clock);
            // Inserted directly (no receipts, no rate limits), so the index, campaigns and topics learn of them by event.
            comments.insert(new CommentRepository.Insert(draft.id(), draft.currentVersion(),
                    article == null ? null : article.id(), null, null, null, null, seed.stance(), seed.text(),
                    seed.proposed(), moderation.maskText(seed.text()), null, seed.channel(),
                    seed.channel() == Channel.LIAISON_STATION ? "滨城区市东街道基层立法联系点" : null, null, seed.name(),
                    null, null, seed.name() == null, false, "demo", "D" + draft.id() + "-DEMO-" + (++i), CommentStatus.PUBLISHED,
                    null, List.of(), "demo:" + i, null, now, null))
                    .ifPresent(id -> events.publishEvent(new org.kaimen.comments.CommentChanged(id, draft.id())));
        }
    }

}
