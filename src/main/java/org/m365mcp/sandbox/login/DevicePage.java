package org.m365mcp.sandbox.login;

import java.util.List;

/**
 * The HTML of the sandbox's device code page: the form (code, account, Approve / Decline) and the
 * pages that answer it.
 *
 * <ul>
 *   <li>Says plainly that it is the sandbox: no passwords, the account is picked from a list.
 *   <li>Everything echoed back is HTML-escaped.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class DevicePage {

    /** An account the page offers. */
    record Choice(String username, String name) {}

    private DevicePage() {}

    /** The form, with {@code userCode} filled in (may be null) and {@code error} above it (may be null). */
    static String form(List<Choice> accounts, String userCode, String selected, String error) {
        StringBuilder html = new StringBuilder(head("Enter code"));
        html.append("<h1>Enter code</h1>\n")
                .append("<p>This is the sign-in page of the m365-mcp sandbox tenant <b>")
                .append(SandboxLogin.TENANT)
                .append("</b>, standing in for Microsoft's device login page. It has no passwords: choose the ")
                .append("account to sign in as, enter the code your device shows, and approve or decline.</p>\n");
        if (error != null) {
            html.append("<p class=\"error\" role=\"alert\">")
                    .append(escape(error))
                    .append("</p>\n");
        }
        html.append("<form method=\"post\" action=\"")
                .append(DevicePageResource.PATH)
                .append("\">\n")
                .append("<p><label>Code <input name=\"user_code\" autocomplete=\"off\" autofocus value=\"")
                .append(escape(userCode == null ? "" : userCode))
                .append("\"></label></p>\n")
                .append("<fieldset><legend>Sign in as</legend>\n");
        for (int i = 0; i < accounts.size(); i++) {
            Choice account = accounts.get(i);
            boolean checked = selected == null ? i == 0 : account.username().equalsIgnoreCase(selected);
            html.append("<p><label><input type=\"radio\" name=\"username\" value=\"")
                    .append(escape(account.username()))
                    .append('"')
                    .append(checked ? " checked" : "")
                    .append("> ")
                    .append(escape(account.name()))
                    .append(" &lt;")
                    .append(escape(account.username()))
                    .append("&gt;</label></p>\n");
        }
        html.append("</fieldset>\n")
                .append("<p><button name=\"decision\" value=\"approve\">Approve</button>\n")
                .append("<button name=\"decision\" value=\"decline\">Decline</button></p>\n</form>\n");
        return html.append(tail()).toString();
    }

    static String approved(String name, String username) {
        return head("Signed in") + "<h1>You're signed in</h1>\n<p>You have signed in as " + escape(name) + " &lt;"
                + escape(username) + "&gt; on the application on your device. You may now close this window.</p>\n"
                + tail();
    }

    static String declined() {
        return head("Sign-in declined") + "<h1>Sign-in declined</h1>\n<p>You declined to sign in. The application "
                + "on your device will not be signed in. You may now close this window.</p>\n" + tail();
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + " – "
                + SandboxLogin.TENANT + " (sandbox)</title>\n<style>body{font-family:sans-serif;max-width:36em;"
                + "margin:3em auto;padding:0 1em}fieldset{border:1px solid #ccc}.error{color:#a80000;"
                + "font-weight:bold}button{margin-right:1em}</style>\n</head>\n<body>\n<main>\n";
    }

    private static String tail() {
        return "</main>\n</body>\n</html>\n";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
