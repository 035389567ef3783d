package org.m365mcp.tools.account;

import java.util.List;

/**
 * The answer of {@code account_list}.
 *
 * @param mode    {@code demo} (the built-in sandbox tenant) or {@code microsoft}
 * @param sandbox true in demo mode: the data is made up, nothing reaches Microsoft
 * @param note    what the mode means for the user, in a sentence
 */
public record AccountListAnswer(String mode, boolean sandbox, int count, List<AccountInfo> accounts, String note) {

    public AccountListAnswer {
        accounts = List.copyOf(accounts);
    }
}
