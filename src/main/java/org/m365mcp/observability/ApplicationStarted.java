package org.m365mcp.observability;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;

/**
 * Whether the application has finished starting: set by the last observer of the application
 * context's initialization, after the store opened and the worker started; with it, the context
 * path the application is deployed under.
 *
 * <p>Payara answers {@code /health} while the WAR is still deploying, on a request thread on which
 * MicroProfile Config does not yet see the application's properties. A health check that created a
 * bean then (the store, the sign-in service) would create it broken for good, so every check asks
 * this first and reports "starting" until it is set. Thread-safe.
 */
@ApplicationScoped
public class ApplicationStarted {

    private volatile String contextPath = "";
    private volatile boolean started;

    void started(
            @Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) @Initialized(ApplicationScoped.class)
                    ServletContext context) {
        contextPath = context.getContextPath();
        started = true;
    }

    /** True once the application has started. */
    public boolean started() {
        return started;
    }

    /** The context path the application is deployed under ({@code ""} at the root); known once started. */
    public String contextPath() {
        return contextPath;
    }
}
