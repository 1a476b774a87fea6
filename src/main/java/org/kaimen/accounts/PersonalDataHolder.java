package org.kaimen.accounts;

/**
 * A module that keeps personal data about an account (个人信息保护法 第四十五条, 第四十七条): it hands it over for the
 * person's export and erases or anonymises it when the person deletes their account. Accounts asks every holder;
 * the holders depend on accounts, not the other way round.
 */
public interface PersonalDataHolder {

    /** The name of this holder's part of the export, e.g. "comments". */
    String section();

    /** Everything held about the account, as records or maps that serialise to JSON. */
    Object export(AccountSummary account);

    /** Removes the personal data, or cuts its link to the person where the record itself must stay; idempotent. */
    void erase(AccountSummary account);
}
