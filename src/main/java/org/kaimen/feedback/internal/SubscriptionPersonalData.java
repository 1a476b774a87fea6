package org.kaimen.feedback.internal;

import java.util.List;
import org.kaimen.accounts.AccountSummary;
import org.kaimen.accounts.PersonalDataHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The drafts whose adoption report a citizen asked to be told about: exported, and forgotten on erasure. */
@Component
class SubscriptionPersonalData implements PersonalDataHolder {

    private final JdbcClient jdbc;

    SubscriptionPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "reportSubscriptions";
    }

    @Override
    public Object export(AccountSummary account) {
        List<Long> drafts = jdbc.sql("SELECT draft_id FROM report_subscription WHERE account_id = :a ORDER BY 1")
                .param("a", account.id()).query(Long.class).list();
        return drafts;
    }

    @Override
    public void erase(AccountSummary account) {
        jdbc.sql("DELETE FROM report_subscription WHERE account_id = :a").param("a", account.id()).update();
    }
}
