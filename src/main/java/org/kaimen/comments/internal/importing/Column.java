package org.kaimen.comments.internal.importing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields a comment row can carry, with the header words that name them. */
enum Column {
    CHANNEL("渠道", "Channel", true, "渠道", "来源渠道", "意见渠道", "channel", "source"),
    STATION("联系点", "Station", false, "联系点", "基层立法联系点", "联系点名称", "station", "liaisonstation"),
    PROVISION("条文", "Provision", false, "条文", "条款", "条目", "provision", "article"),
    STANCE("立场", "Stance", true, "立场", "态度", "stance", "position"),
    TEXT("意见", "Text", true, "意见", "内容", "意见内容", "具体意见", "text", "comment", "commenttext"),
    PROPOSED("建议修改", "Proposed text", false, "建议修改", "修改建议", "建议条文", "建议修改内容",
            "proposedtext", "proposed", "proposedwording", "proposal"),
    NAME("姓名", "Name", false, "姓名", "提出人", "意见人", "name"),
    PHONE("电话", "Phone", false, "电话", "联系电话", "手机", "手机号", "phone", "telephone", "tel", "mobile"),
    EMAIL("邮箱", "Email", false, "邮箱", "电子邮箱", "电子邮件地址", "邮件地址", "email", "emailaddress"),
    RECEIVED("收到日期", "Received", false, "收到日期", "日期", "收到时间", "接收日期", "来信日期",
            "received", "receiveddate", "date", "datereceived");

    private static final Map<String, Column> BY_HEADER = new HashMap<>();

    static {
        for (Column column : values()) {
            for (String alias : column.aliases) {
                Column previous = BY_HEADER.put(Text.headerKey(alias), column);
                if (previous != null) {
                    throw new IllegalStateException("Header alias used twice: " + alias);
                }
            }
        }
    }

    private final String chinese;
    private final String english;
    private final boolean required;
    private final List<String> aliases;

    Column(String chinese, String english, boolean required, String... aliases) {
        this.chinese = chinese;
        this.english = english;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    static Optional<Column> fromHeader(String header) {
        return Optional.ofNullable(BY_HEADER.get(Text.headerKey(header)));
    }

    String header(boolean chineseFile) {
        return chineseFile ? chinese : english;
    }

    boolean required() {
        return required;
    }
}
