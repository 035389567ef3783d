package org.m365mcp.tools.drive;

/**
 * The answer of {@code file_download_url}.
 *
 * @param url pre-authenticated and short-lived (minutes): anyone holding it can download the file
 */
public record DownloadUrlAnswer(String accountId, String fileId, String url, String note) {}
