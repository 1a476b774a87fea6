package org.kaimen.analysis.evaluation;

import org.kaimen.analysis.evaluation.EvaluationSetGenerator.Author;
import org.kaimen.analysis.evaluation.EvaluationSetGenerator.Draft;
import org.kaimen.analysis.evaluation.EvaluationSetGenerator.Run;
import org.kaimen.analysis.evaluation.EvaluationSetGenerator.Stance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The form-letter campaigns of the data set. Each one imitates a way real campaigns reach a consultation,
 * from verbatim copy-paste to mail-merge with paraphrases, so that a detector is tested on the whole range
 * between "identical" and "merely on the same topic".
 */
final class Campaigns {

    static final String ELEVATOR = "elevator-emergency-repair";
    static final String FEE_MAIL_MERGE = "fee-mail-merge";
    static final String PARKING_SHORT = "parking-short";
    static final String OLD_ESTATE = "old-estate-own-paragraph";
    static final String COMMITTEE_QUOTE = "committee-quote-art17";
    static final String EBIKE = "ebike-charging-copy";

    private Campaigns() {
    }

    // ---- (a) copy-paste with greetings, sign-offs and personal lines --------------------------------

    private static final String ELEVATOR_TEMPLATE = "关于草案第四十三条，我们强烈建议：电梯发生故障需要应急维修的，"
            + "专项维修资金管理部门应当在二十四小时内完成审核，不能等两个工作日；电梯更换部件的报价和验收结果必须在单元内公示，"
            + "接受业主监督。电梯关系到每一个高层住户的生命安全，请立法机关采纳！";

    private static final String[] GREETINGS = {
            "尊敬的市人大常委会：", "尊敬的领导：", "您好！", "各位领导好！", "市人大法工委的同志们好，", "领导好，",
    };

    private static final String[] ELEVATOR_PERSONAL = {
            "我家住{floor}楼，家里有两位老人。", "我们单元的电梯上个月刚坏过一次，等了四天才修好。",
            "我每天抱着孩子爬{floor}楼，真的受不了了。", "附议！", "我和邻居们都是这个意见。",
            "我们楼的电梯用了十几年了。", "上周电梯又停了，老人只能在家等着。", "这是我们业主群里大家一起商量的意见。",
            "转自业主群，我完全同意。", "我是{estate}的业主。", "我母亲腿脚不好，电梯一坏就出不了门。",
            "希望这次能真正改一改。", "我们小区{n:20-40}层的高楼，电梯就是命。", "同意楼上邻居的意见。",
    };

    private static final String[] SIGN_OFFS = {
            "——{place}{estate}业主", "{estate}{floor}楼住户", "一名高层住户", "此致\n敬礼！", "{place}居民 {surname}先生",
            "{surname}女士", "{estate}业主 {name}", "——{estate}的一位业主",
    };

    static List<Draft> elevatorEmergencyRepair(Run run) {
        List<Draft> drafts = new ArrayList<>();
        Set<Author> signed = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Author author = run.campaignMember(signed);
            Map<String, String> slots = new HashMap<>();
            String body = ELEVATOR_TEMPLATE;
            if (run.chance(0.1)) {
                // Copied without the final appeal, as happens when a selection stops one sentence short.
                body = body.substring(0, body.indexOf("电梯关系到"));
            }
            if (run.chance(0.1)) {
                body = body.replace('，', ',');
            }
            StringBuilder text = new StringBuilder();
            if (run.chance(0.55)) {
                text.append(run.pick(GREETINGS));
            }
            String personal = run.chance(0.5) ? run.fill(run.pick(ELEVATOR_PERSONAL), author, 43, slots) : null;
            if (personal != null && run.chance(0.4)) {
                text.append(personal);
                personal = null;
            }
            text.append(body);
            if (personal != null) {
                text.append(personal);
            }
            if (run.chance(0.5)) {
                text.append(run.chance(0.5) ? "\n" : "").append(run.fill(run.pick(SIGN_OFFS), author, 43, slots));
            }
            int article = run.chance(0.85) ? 43 : run.pick(42, 0);
            drafts.add(new Draft(article, Stance.MODIFY, "电梯维修与更新", ELEVATOR, author, text.toString()));
        }
        return drafts;
    }

    // ---- (b) mail merge with synonym swaps, reordering and filler, as in the FCC 2017 docket --------

    private static final Map<String, String[]> SYNONYMS = Map.of(
            "PMC", new String[]{"物业公司", "物业服务企业", "物业服务人", "物业企业"},
            "FEE", new String[]{"物业费", "物业服务费"},
            "OC", new String[]{"业委会", "业主委员会"},
            "FUND", new String[]{"维修基金", "维修资金", "专项维修资金"},
            "SPOT", new String[]{"车位", "停车位"});

    private static final String[] FEE_INTROS = {
            "我是{place}{estate}的业主{name}。", "本人{name}，{place}{estate}业主。", "我叫{name}，家住{place}{estate}。",
            "作为{place}{estate}的一名业主，我提以下意见：",
    };

    private static final String[][] FEE_POINTS = {
            {"[FEE]的调整关系到每一户业主的切身利益，必须经业主大会表决同意，[PMC]不得单方面涨价。",
                    "[PMC]调整[FEE]必须经过业主大会表决，不能一纸通知就涨价，因为这关系到每一户业主的切身利益。",
                    "涨[FEE]关系到家家户户的切身利益，必须由业主大会表决，[PMC]无权单方决定。"},
            {"建议在第四十九条中明确：[PMC]不得以停水、停电、锁[SPOT]道闸、停用门禁等方式催缴[FEE]。",
                    "第四十九条应当写明，催缴[FEE]时[PMC]不得停水停电，也不得锁[SPOT]道闸、停门禁卡。",
                    "请在第四十九条加上一句：催交[FEE]不能停水、停电、停门禁，不能锁[SPOT]。"},
            {"[FEE]的收支情况应当每半年向全体业主公示一次，并交[OC]审核。",
                    "[OC]应当每半年审核一次[FEE]收支，并向全体业主公示。",
                    "[FEE]怎么收的、怎么花的，每半年要公示一次，[OC]要审核把关。"},
            {"[FUND]和[SPOT]出租收入等公共收益，应当单独记账，不得用来抵扣[PMC]的成本。",
                    "[SPOT]租金、广告收入这些公共收益要和[FUND]一样单独列账，[PMC]不能拿来冲抵自己的成本。",
                    "公共收益（包括[SPOT]出租收入）和[FUND]都要单独记账，不能被[PMC]拿去抵成本。"},
            {"服务不达标的，业主有权申请第三方评估并相应降低[FEE]。",
                    "如果[PMC]服务达不到合同标准，应当允许业主申请第三方评估，按评估结果降低[FEE]。",
                    "[PMC]服务不到位，业主可以申请第三方评估，评估不合格就降[FEE]。"},
    };

    private static final String[] FEE_FILLERS = {
            "说实话，", "我认为，", "众所周知，", "坦率地讲，", "另外，", "同时，", "我强烈认为，", "最重要的是，", "大家都知道，",
    };

    private static final String[] FEE_CLOSINGS = {
            "恳请采纳。", "请市人大认真考虑我们业主的意见。", "希望我的意见能被采纳，谢谢。", "以上意见，恳请采纳！",
    };

    static List<Draft> feeMailMerge(Run run) {
        List<Draft> drafts = new ArrayList<>();
        Set<Author> signed = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            Author author = run.campaignMember(signed);
            Map<String, String> slots = new HashMap<>();
            // Each sender's copy settles on one wording per term, with the odd inconsistency a merge tool or a
            // hurried editor leaves behind.
            Map<String, String> wording = new HashMap<>();
            for (String key : List.of("PMC", "FEE", "OC", "FUND", "SPOT")) {
                wording.put(key, run.pick(SYNONYMS.get(key)));
            }
            List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
            if (run.chance(0.6)) {
                run.shuffle(order);
            }
            if (run.chance(0.35)) {
                order.remove(run.nextInt(order.size()));
            }
            StringBuilder text = new StringBuilder();
            if (run.chance(0.75)) {
                text.append(run.fill(run.pick(FEE_INTROS), author, 49, slots));
            }
            for (int point : order) {
                // The organisers' original wording stays the most common, as it was in the FCC docket.
                String[] variants = FEE_POINTS[point];
                String sentence = run.chance(0.8) ? variants[0] : variants[1 + run.nextInt(variants.length - 1)];
                if (run.chance(0.2)) {
                    sentence = run.pick(FEE_FILLERS) + sentence;
                }
                text.append(merge(sentence, wording, run));
            }
            if (run.chance(0.8)) {
                text.append(run.pick(FEE_CLOSINGS));
            }
            int article = run.chance(0.8) ? 49 : 0;
            drafts.add(new Draft(article, Stance.MODIFY, "物业费定价与调整", FEE_MAIL_MERGE, author, text.toString()));
        }
        return drafts;
    }

    private static String merge(String sentence, Map<String, String> wording, Run run) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sentence.length()) {
            int open = sentence.indexOf('[', i);
            if (open < 0) {
                out.append(sentence, i, sentence.length());
                break;
            }
            int close = sentence.indexOf(']', open);
            String key = sentence.substring(open + 1, close);
            out.append(sentence, i, open);
            out.append(run.chance(0.2) ? run.pick(SYNONYMS.get(key)) : wording.get(key));
            i = close + 1;
        }
        return out.toString();
    }

    // ---- (c) short slogans ---------------------------------------------------------------------------

    private static final String[] PARKING_PROTESTS = {
            "坚决反对车位高价出租！", "反对开发商车位高价出租！", "车位租金太高了，反对！", "反对车位只卖不租、高价出租！",
    };

    private static final String[] PARKING_DEMANDS = {
            "车位租金必须由业主大会决定，开发商不能说了算。", "车位租金应由业主大会决定，不能开发商说了算！",
            "租金要业主大会说了算，不能开发商一家说了算。", "车位租金要经业主大会同意，开发商不能单方定价。",
    };

    private static final String[] PARKING_TAILS = {"支持第二十四条！", "附议。", "同意。", "请采纳！", "强烈要求！"};

    static List<Draft> parkingShort(Run run) {
        List<Draft> drafts = new ArrayList<>();
        Set<Author> signed = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Author author = run.campaignMember(signed);
            String protest = run.pick(PARKING_PROTESTS);
            String demand = run.pick(PARKING_DEMANDS);
            String text = run.chance(0.8) ? protest + demand : demand + protest;
            if (run.chance(0.5)) {
                text += run.pick(PARKING_TAILS);
            }
            int article = run.chance(0.9) ? 24 : 0;
            drafts.add(new Draft(article, Stance.OPPOSE, "停车位与车库", PARKING_SHORT, author, text));
        }
        return drafts;
    }

    // ---- (d) shared template plus a paragraph of one's own -------------------------------------------

    private static final String OLD_ESTATE_TEMPLATE = "我们是{place}的老旧小区居民。草案第三十一条要求政府制定既有住宅区整治改造方案，"
            + "我们希望条例写明：老旧小区改造完成后由街道、社区兜底组织物业服务，政府连续三年给予物业费补贴，"
            + "改造后的设施要有人管、有钱修。";

    private static final String[] OLD_ESTATE_OWN = {
            "我住的{oldestate}一共{n:3-8}栋楼，改造前楼道灯全是坏的，改造后亮了不到一年又不亮了。",
            "我们院里{n:60-85}岁以上的老人占了一多半，爬楼、倒垃圾都困难。",
            "去年改造刷了外墙、换了水管，可到现在垃圾还是没人按时清。",
            "院子里没有保安，去年一年丢了{n:3-9}辆电动车。",
            "我家在{oldestate}住了{n:20-35}年，从没交过物业费，也从来没人管过事。",
            "下水道年年堵，每次都是几户人家凑钱找人来掏。",
            "雨天院子里积水能没过脚脖子，改造时说要修排水，到现在没动。",
            "楼顶的防水是改造时新做的，可去年又漏了，找施工队找不着。",
            "社区来过几次，说要引入物业，问了一圈价钱，大家觉得一块钱一平米太贵了。",
            "我是楼长，每个月挨家挨户收十块钱卫生费，有几户就是不交。",
            "改造后院里新装了健身器材和路灯，坏了不知道找谁修。",
            "我们这栋楼没有单元门，晚上外来人员随便进出，老人都不敢开门。",
            "原来的{unit}早就改制了，房子的事单位不管，社区也说管不了。",
            "院里的绿化带被人种上了菜，搭了棚子，说了也不听。",
            "冬天暖气管子漏水，因为没有物业，只能自己打电话给热力公司，等了三天。",
            "孩子们都在外地，我们老两口最怕的就是楼里出点事没人管。",
            "小区改造花了国家不少钱，要是没人维护，几年就白费了。",
            "院里停车没规矩，消防车都进不来，出了事后果不敢想。",
            "我们愿意交一点物业费，但希望政府能帮一把，不能全靠我们这些退休职工。",
            "改造的时候征求过一次意见，可最后做什么、不做什么，居民都说不上话。",
            "我们楼是{unit}的房改房，产权证早就办了，可维修的事一直没人牵头。",
            "楼道里的电线老化得厉害，去年夏天跳闸烧了一回，吓得大家一晚上没睡。",
    };

    static List<Draft> oldEstateTemplate(Run run) {
        List<Draft> drafts = new ArrayList<>();
        Set<Author> signed = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            Author author = run.campaignMember(signed);
            Map<String, String> slots = new HashMap<>();
            String template = run.fill(OLD_ESTATE_TEMPLATE, author, 31, slots);
            Set<String> own = new LinkedHashSet<>();
            int sentences = 1 + run.nextInt(3);
            while (own.size() < sentences) {
                own.add(run.fill(run.pick(OLD_ESTATE_OWN), author, 31, slots));
            }
            String paragraph = String.join("", own);
            String separator = run.chance(0.4) ? "\n" : "";
            String text = run.chance(0.65) ? template + separator + paragraph : paragraph + separator + template;
            int article = run.chance(0.8) ? 31 : 0;
            drafts.add(new Draft(article, Stance.MODIFY, "老旧小区物业管理", OLD_ESTATE, author, text));
        }
        return drafts;
    }

    // ---- (e) verbatim quote of the article plus a shared demand ---------------------------------------

    /** Article 17, paragraph 2 of the draft, verbatim. */
    static final String ARTICLE_17_QUOTE = "物业管理委员会由七人以上单数组成。其中业主成员不少于百分之五十，"
            + "由街道办事处、乡（镇）人民政府在业主中推荐产生。";

    private static final String[] QUOTE_INTROS = {
            "草案第十七条第二款规定：“%s”", "条例草案第十七条写的是“%s”", "第十七条：“%s”", "关于第十七条第二款“%s”",
    };

    private static final String[] DEMAND_LEADS = {"我们要求：", "对此我们要求：", "我们的意见是：", "我们强烈要求："};

    private static final String COMMITTEE_DEMAND = "业主成员比例提高到三分之二以上，业主成员由全体业主投票选举产生，"
            + "不能由街道指定；建设单位不得派员参加物业管理委员会。";

    private static final String[] COMMITTEE_PERSONAL = {
            "我们小区就是物管会代管，业主说话没人听。", "我们小区物管会里有开发商的人，业主根本不信任。",
            "物管会成员是谁，我们到现在都不知道。", "业主自己的事应当由业主自己选的人来管。", "请认真考虑业主的意见。",
            "我们{estate}的业主都签了名。", "街道推荐的业主成员，好几个都不住在小区里。",
    };

    static List<Draft> committeeQuote(Run run) {
        List<Draft> drafts = new ArrayList<>();
        Set<Author> signed = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Author author = run.campaignMember(signed);
            Map<String, String> slots = new HashMap<>();
            StringBuilder text = new StringBuilder(String.format(run.pick(QUOTE_INTROS), ARTICLE_17_QUOTE));
            text.append(run.pick(DEMAND_LEADS)).append(COMMITTEE_DEMAND);
            if (run.chance(0.5)) {
                text.append(run.fill(run.pick(COMMITTEE_PERSONAL), author, 17, slots));
            }
            if (run.chance(0.3)) {
                text.append(run.fill(run.pick(SIGN_OFFS), author, 17, slots));
            }
            drafts.add(new Draft(17, Stance.MODIFY, "物业管理委员会", COMMITTEE_QUOTE, author, text.toString()));
        }
        return drafts;
    }

    // ---- (a') a second, plain copy-paste campaign ------------------------------------------------------

    private static final String EBIKE_TEMPLATE = "支持第三十六条禁止在楼道内停放电动车和充电，但请在条例里同时规定："
            + "每个小区都要按户数配建电动车集中充电车棚，充电收费执行居民电价，建设费用由政府补贴。只堵不疏，禁令执行不下去。";

    private static final String[] EBIKE_PREFIXES = {"同意！", "附议：", "我也是这个意见：", "转发业主群里的意见："};

    private static final String[] EBIKE_SUFFIXES = {"{estate}业主", "——{surname}", "请采纳。"};

    static List<Draft> ebikeCharging(Run run) {
        List<Draft> drafts = new ArrayList<>();
        Set<Author> signed = new HashSet<>();
        for (int i = 0; i < 18; i++) {
            Author author = run.campaignMember(signed);
            Map<String, String> slots = new HashMap<>();
            String body = EBIKE_TEMPLATE;
            if (run.chance(0.1)) {
                body = body.substring(0, body.indexOf("只堵不疏"));
            }
            String text = (run.chance(0.3) ? run.pick(EBIKE_PREFIXES) : "") + body
                    + (run.chance(0.3) ? run.fill(run.pick(EBIKE_SUFFIXES), author, 36, slots) : "");
            int article = run.chance(0.9) ? 36 : 0;
            drafts.add(new Draft(article, Stance.MODIFY, "电动车停放与充电安全", EBIKE, author, text));
        }
        return drafts;
    }
}
