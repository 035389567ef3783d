package org.m365mcp.tools.account;

/**
 * The answer of {@code account_complete_auth}.
 *
 * @param status  {@code signed_in}, {@code pending}, {@code declined}, {@code expired}, {@code unknown}
 *                or {@code failed}
 * @param account the account now signed in; null unless {@code signed_in}
 */
public record SignInAnswer(String status, AccountInfo account, String message) {}
