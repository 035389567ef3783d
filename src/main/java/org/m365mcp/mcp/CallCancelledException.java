package org.m365mcp.mcp;

/**
 * The client cancelled the running tool call ({@code notifications/cancelled}): thrown by
 * {@link ToolProgress#stopIfCancelled()} at the call's next unit of work, so no further Graph request is
 * made. What was done before stays done; the client ignores the answer, which says so.
 */
public class CallCancelledException extends ToolException {

    private static final long serialVersionUID = 1L;

    public CallCancelledException() {
        super("The call was cancelled by the client; what it had done before stays done");
    }
}
