package org.kaimen.analysis.internal.campaigns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Realistic synthetic comments on a 住宅物业管理条例 draft, with planted form-letter campaigns.
 *
 * <p>Genuine comments are assembled from many topic sentences with their own numbers, places and
 * personal framing, so that two genuine comments on the same topic still read as different
 * people. Campaigns are written the way they arrive in practice: (a) a letter copied verbatim
 * with a greeting or signature added, (b) a mail-merge that swaps colloquial and statutory terms,
 * reorders sentences and sprinkles filler phrases, (c) a one-line slogan with emoji and
 * punctuation noise.
 */
final class SyntheticComments {

    /** One generated comment; {@code label} is the planted campaign or null for a genuine one. */
    record Labelled(long id, String text, String author, String label) {
    }

    private SyntheticComments() {
    }

    // ---------------------------------------------------------------------------------------
    // Genuine comments

    static final List<String> TOPIC_SENTENCES = List.of(
            // 物业费
            "我们小区的物业费现在是每平方米{m}元，但保洁和绿化一直跟不上，希望条例明确收费和服务质量挂钩",
            "建议第{a}条增加物业服务费公示的要求，每年至少公开一次收支明细，让业主知道钱花在哪里",
            "物业费上调应当经过业主大会表决，不能由物业公司单方面贴个通知就涨价，我们小区去年就涨了{n}毛钱",
            "对于长期拖欠物业费的业主，建议先由社区居委会调解，不要动不动就停水停电",
            // 电梯
            "我住{b}号楼{n}层，电梯三天两头坏，维修一次要等好几天，老人上下楼非常困难",
            "电梯使用超过{y}年的应当强制做安全评估，评估费用可以从专项维修资金里列支",
            "老旧小区加装电梯的意见征询程序太复杂，建议第{a}条把同意比例降到三分之二",
            "低层住户不愿意分摊电梯运行费用，条例最好给出一个按楼层分摊的参考比例",
            // 维修资金
            "维修资金的申请使用流程太长，我们楼屋顶漏水等了{n}个月才批下来，应急维修应该开绿色通道",
            "建议每年公布维修资金的余额和增值收益，由住建部门负责监督检查",
            "维修资金产生的利息应当归全体业主所有，任何单位都不能挪作他用",
            "希望明确维修资金续筹的标准，比如余额不足首期交存额百分之三十时应当续交",
            // 业委会
            "我们小区筹备成立业委会已经{y}年了，街道一直不组织首次业主大会，建议规定明确的时限",
            "业主委员会委员应当公开个人联系方式，并且每个季度固定接待业主一次",
            "建议对业主委员会成员的任职资格作出限制，恶意拖欠费用的业主不宜担任委员",
            "业委会换届的时候旧委员拒不移交印章和档案资料，条例应当规定相应的法律责任",
            "业主大会采用电子投票的方式应该写进条例，很多年轻业主平时根本没时间到现场",
            // 停车位
            "小区{n}个地下车位只租不售，开发商每年都涨租金，建议条例规定车位优先满足本小区业主",
            "占用消防通道停车的现象很严重，物业只会贴个纸条，应当赋予物业劝阻和报告的义务",
            "地面停车收费应当由业主大会决定，收益扣除管理成本以后归全体业主",
            "新能源车充电桩的安装物业总是推诿，希望第{a}条写明物业应当配合施工",
            // 物业服务用房
            "我们小区的物业服务用房被开发商改成了商铺对外出租，业主一直没有办法收回",
            "建议规定物业服务用房的面积不少于总建筑面积的千分之{n}，并且在规划图上单独标注",
            "物业服务用房属于全体业主共有，物业公司撤出的时候必须完整移交",
            // 装修
            "装修押金退还太难，我家装修完{n}个月了押金还没退，条例应当规定退还期限",
            "楼上装修拆了承重墙，物业说自己没有执法权，希望明确物业发现违法装修后的报告义务",
            "装修时间应当统一规定，周末和午休时间禁止电钻作业，对违反的住户要有处罚",
            "装修垃圾应当袋装后堆放到指定地点，清运费用的标准要公开透明",
            // 宠物
            "小区里遛狗不牵绳的情况很多，我家孩子被吓哭过{n}次，建议条例加上文明养犬的内容",
            "宠物粪便随处可见，物业应当设置宠物便袋箱，对屡教不改的住户进行劝导",
            "建议对在住宅内饲养大型犬和烈性犬作出限制，保障邻居的人身安全",
            // 垃圾分类
            "垃圾分类投放点离我们{b}号楼太近，夏天味道很大，希望设置投放点时听取周边住户意见",
            "垃圾分类定时定点投放对上班族很不方便，建议早晚各延长{n}个小时",
            "物业应当安排专人在投放点指导分类，而不是只在墙上贴几张宣传画",
            // 其他
            "小区公共收益包括电梯广告费和场地租金，每年都应当公示，我们从来没见过账目",
            "前期物业服务合同期满以后，业主有权重新选聘物业，开发商不应当插手",
            "绿化带被个别住户圈起来种菜，物业也管不了，条例应当规定共有部位不得私自占用",
            "小区监控有一半是坏的，去年电动车被偷了{n}辆，物业的安全防范责任应当写清楚",
            "高空抛物的问题也应该在条例里提一下，物业要配合公安机关调取监控",
            "希望增加物业服务质量第三方评估的规定，评估结果作为是否续聘的依据",
            "电动自行车进楼道充电非常危险，建议小区统一建设集中充电棚",
            "二次供水设备老化，水压很不稳定，{b}号楼高层经常停水",
            // Near misses: they quote the same statutory phrases the campaigns use.
            "物业服务企业调整收费标准，只提前一个月公示太仓促了，我觉得至少应当提前{n}十天",
            "共有部分改造一定要经专有部分面积过半数且人数过半数的业主同意，不能由少数人说了算",
            "加装电梯占用公共部位的，我认为还是应当征得本单元全体业主同意，否则容易激化矛盾",
            "小区车位应当优先满足本小区业主的需要，开发商随意涨价的问题也该管管",
            "首次业主大会应当在街道指导下尽快召开，但六十日的期限恐怕不现实");

    private static final List<String> LEAD_INS = List.of(
            "", "", "", "", "说实话，", "据我了解，", "我发现", "从我自己的经历看，", "举个例子，", "我觉得",
            "去年{mo}月份，", "我们楼里的邻居都反映，");

    private static final List<String> OPENINGS = List.of(
            "我是{x}的业主，在这里住了{y}年。",
            "本人是{x}{b}号楼的住户。",
            "作为一名退休教师，我很关心这部条例。",
            "我在{x}租房住了{y}年，也想提点意见。",
            "认真看了草案，有几点想法。",
            "我家住{x}，说说我们小区的实际情况。",
            "我是一名社区网格员，平时接触物业纠纷比较多。",
            "我是做律师的，从专业角度提几点建议。",
            "我母亲今年八十多岁了，一个人住在{x}。",
            "我们{x}是九十年代的老小区。",
            "去年刚搬进{x}，有些问题想反映一下。",
            "我在{x}当过两届业委会委员。");

    private static final List<String> CONNECTORS = List.of(
            "", "", "另外，", "还有，", "此外，", "同时，", "再说一点，", "顺便说一下，", "更重要的是，");

    private static final List<String> CLOSINGS = List.of(
            "谢谢！", "希望意见能被采纳。", "以上意见，供参考。", "盼复。", "恳请认真研究。",
            "辛苦了。", "望早日出台。", "期待条例尽快实施。", "麻烦转给有关部门。");

    private static final List<String> ESTATES = List.of(
            "黄河花园", "渤海小区", "滨城新苑", "阳光100", "锦绣城", "东城御园", "福苑小区", "新立河畔",
            "中海城", "滨北家园", "惠民小区", "开元世家", "凤凰城", "翡翠湾", "幸福里", "北海明珠");

    private static final String[] ARTICLES = {
        "五", "八", "十一", "十二", "十五", "十八", "二十", "二十三", "二十六", "三十", "三十四", "四十一"};

    static String genuine(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextDouble() < 0.7) {
            sb.append(fill(pick(r, OPENINGS), r));
        }
        int sentences = 2 + r.nextInt(3);
        List<String> topics = new ArrayList<>(TOPIC_SENTENCES);
        Collections.shuffle(topics, r);
        for (int i = 0; i < sentences; i++) {
            sb.append(i == 0 ? "" : pick(r, CONNECTORS)).append(fill(pick(r, LEAD_INS), r))
                    .append(fill(topics.get(i), r)).append("。");
        }
        if (r.nextDouble() < 0.6) {
            sb.append(pick(r, CLOSINGS));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Campaigns

    /** (a) Copy-paste letter about fee adjustments. */
    static final String CAMPAIGN_A = "关于草案第二十三条，我们坚决反对物业服务企业在合同期内自行调整收费标准。"
            + "物业服务企业调整收费标准，必须提前三个月公示，并经专有部分面积过半数且人数过半数的业主同意。"
            + "对于服务不达标的企业，业主有权要求降低收费，直至依法解聘。"
            + "恳请立法机关采纳我们全体业主的意见。";

    /** (b) Mail-merge letter about owners' committees and the maintenance fund; {0} marks variants. */
    private static final List<String> CAMPAIGN_B_SENTENCES = List.of(
            "我们强烈建议在条例中明确，{业委会}的成立不得以任何理由拖延，街道应当在收到申请后六十日内组织召开首次业主大会",
            "{维修资金}的使用应当简化程序，电梯、屋面、外墙等紧急维修可以先行使用、事后公示",
            "{物业公司}不得挪用{维修资金}，也不得以任何形式截留小区的公共收益",
            "{业委会}应当每半年向全体业主公开一次财务收支情况，主动接受业主监督",
            "希望人大常委会充分听取我们普通业主的声音");

    /** (c) Short slogan about parking spaces (~30 characters). */
    static final String CAMPAIGN_C = "强烈要求小区车位优先卖给本小区业主，坚决反对开发商随意涨租金！";

    /** (d) Letter about lift retrofits, copied with edits and synonym swaps. */
    static final String CAMPAIGN_D = "加装电梯是老旧小区居民的迫切需求。建议条例规定：低层业主不得无理阻挠加装电梯，"
            + "加装电梯占用的公共部位不需要全体业主同意；{物业公司}应当无偿提供{物业服务用房}作为加装电梯的临时办公场所；"
            + "政府补贴标准应当提高到每部电梯{补贴}万元。";

    /** (e) Medium-length letter about pets and waste sorting, posted verbatim or with a signature. */
    static final String CAMPAIGN_E = "我们全体养宠家庭郑重承诺文明养犬，同时请求条例不要一刀切禁止饲养中大型犬，"
            + "而是由业主大会在管理规约中自行约定，物业应当在小区设置宠物活动区和专用垃圾桶。";

    private static final String[][] SYNONYMS = {
        {"业委会", "业主委员会"},
        {"维修资金", "维修基金", "专项维修资金"},
        {"物业公司", "物业服务企业", "物业服务人"},
        {"物业服务用房", "物业用房"},
    };

    private static final List<String> FILLERS = List.of(
            "说实话，", "我个人认为，", "大家都知道，", "这一点非常重要，", "恳切地说，", "我们认为，");

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马");
    private static final List<String> TITLES = List.of("阿姨", "大爷", "先生", "女士", "师傅", "老师");

    static String greeting(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, SURNAMES) + pick(r, TITLES) + "：";
            case 1 -> "各位领导好！我是" + pick(r, ESTATES) + (1 + r.nextInt(20)) + "号楼" + (1 + r.nextInt(4)) + "单元的"
                    + pick(r, SURNAMES) + pick(r, TITLES) + "。";
            case 2 -> "尊敬的市人大常委会：";
            default -> "您好，我是" + pick(r, SURNAMES) + pick(r, TITLES) + "。";
        };
    }

    static String signOff(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "——" + (1 + r.nextInt(20)) + "号楼" + (1 + r.nextInt(4)) + "单元 " + pick(r, SURNAMES) + pick(r, TITLES);
            case 1 -> "（" + pick(r, ESTATES) + "业主" + pick(r, SURNAMES) + pick(r, TITLES) + "）";
            default -> (1 + r.nextInt(20)) + "号楼" + (1 + r.nextInt(4)) + "单元" + (101 + r.nextInt(1500)) + "室住户";
        };
    }

    static String memberA(Random r) {
        String head = r.nextDouble() < 0.8 ? greeting(r) : "";
        String tail = r.nextDouble() < 0.6 ? signOff(r) : "";
        String body = CAMPAIGN_A;
        if (r.nextDouble() < 0.2) {
            body = body.replace("三个月", "两个月");
        }
        if (r.nextDouble() < 0.15) {
            body = body.replace("恳请立法机关采纳我们全体业主的意见。", "");
        }
        return head + body + tail;
    }

    static String memberB(Random r) {
        List<String> middle = new ArrayList<>(CAMPAIGN_B_SENTENCES.subList(1, 4));
        if (r.nextDouble() < 0.7) {
            Collections.shuffle(middle, r);
        }
        List<String> sentences = new ArrayList<>();
        sentences.add(CAMPAIGN_B_SENTENCES.get(0));
        sentences.addAll(middle);
        sentences.add(CAMPAIGN_B_SENTENCES.get(4));
        int fillers = r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        if (r.nextDouble() < 0.3) {
            sb.append(greeting(r));
        }
        for (int i = 0; i < sentences.size(); i++) {
            if (fillers > 0 && r.nextDouble() < 0.4) {
                sb.append(pick(r, FILLERS));
                fillers--;
            }
            sb.append(swapSynonyms(sentences.get(i), r)).append(r.nextDouble() < 0.8 ? "。" : "；");
        }
        return sb.toString();
    }

    static String memberC(Random r) {
        String text = CAMPAIGN_C;
        if (r.nextBoolean()) {
            text = text.replace("车位", "停车位");
        }
        switch (r.nextInt(4)) {
            case 0 -> text = text.replace("！", "!!!");
            case 1 -> text = text.replace("，", " ").replace("！", "");
            case 2 -> text = text + "👍👍";
            default -> { }
        }
        if (r.nextDouble() < 0.3) {
            text = text + "（" + (1 + r.nextInt(20)) + "号楼业主）";
        }
        if (r.nextDouble() < 0.2) {
            text = "🙏" + text;
        }
        return text;
    }

    static String memberD(Random r) {
        String text = swapSynonyms(CAMPAIGN_D, r).replace("{补贴}", r.nextDouble() < 0.7 ? "三十" : "三十五");
        if (r.nextDouble() < 0.5) {
            text = greeting(r) + text;
        }
        if (r.nextDouble() < 0.3) {
            text = text + signOff(r);
        }
        return text;
    }

    static String memberE(Random r) {
        return r.nextDouble() < 0.5 ? CAMPAIGN_E : CAMPAIGN_E + signOff(r);
    }

    /** Replaces every {term} placeholder (and plain variant) with a random synonym of the group. */
    static String swapSynonyms(String sentence, Random r) {
        String s = sentence;
        for (String[] group : SYNONYMS) {
            String placeholder = "{" + group[0] + "}";
            while (s.contains(placeholder)) {
                s = s.replaceFirst(java.util.regex.Pattern.quote(placeholder), group[r.nextInt(group.length)]);
            }
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------
    // Data set

    /**
     * Genuine comments plus five planted campaigns with the given sizes (A–E), shuffled, with ids
     * 1..n in arrival order. Campaign members get distinct authors; genuine ones too.
     */
    static List<Labelled> dataset(long seed, int genuineCount, int sizeA, int sizeB, int sizeC, int sizeD, int sizeE) {
        Random r = new Random(seed);
        List<String[]> raw = new ArrayList<>(); // {text, label}
        for (int i = 0; i < genuineCount; i++) {
            raw.add(new String[] {genuine(r), null});
        }
        for (int i = 0; i < sizeA; i++) {
            raw.add(new String[] {memberA(r), "A"});
        }
        for (int i = 0; i < sizeB; i++) {
            raw.add(new String[] {memberB(r), "B"});
        }
        for (int i = 0; i < sizeC; i++) {
            raw.add(new String[] {memberC(r), "C"});
        }
        for (int i = 0; i < sizeD; i++) {
            raw.add(new String[] {memberD(r), "D"});
        }
        for (int i = 0; i < sizeE; i++) {
            raw.add(new String[] {memberE(r), "E"});
        }
        Collections.shuffle(raw, r);
        List<Labelled> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(new Labelled(i + 1, raw.get(i)[0], "user-" + (1000 + i), raw.get(i)[1]));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------

    static String fill(String template, Random r) {
        String s = template;
        s = s.replace("{m}", String.format(java.util.Locale.ROOT, "%.1f", 0.8 + r.nextInt(25) / 10.0));
        s = s.replace("{a}", ARTICLES[r.nextInt(ARTICLES.length)]);
        s = s.replace("{n}", String.valueOf(2 + r.nextInt(30)));
        s = s.replace("{y}", String.valueOf(3 + r.nextInt(20)));
        s = s.replace("{mo}", String.valueOf(1 + r.nextInt(12)));
        s = s.replace("{b}", String.valueOf(1 + r.nextInt(36)));
        s = s.replace("{x}", pick(r, ESTATES));
        return s;
    }

    static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
