package org.m365mcp.sync.notifications;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Serves Graph's webhook ({@link WebhookServlet}) at {@value WebhookUrls#CHANGES} and
 * {@value WebhookUrls#LIFECYCLE} when change notifications are on; otherwise nothing is served there (404).
 *
 * <ul>
 *   <li>No Origin/Host rule and no bearer token: Graph sends neither, and its Host is the public one. What
 *       protects the path is that it accepts only Graph's shapes and acts only on a notification that
 *       presents the random {@code clientState} of a subscription this server holds, and even then only
 *       asks the delta sync to look.
 * </ul>
 */
@WebListener
public class WebhookRegistration implements ServletContextListener {

    @Inject
    SubscriptionKeeper keeper;

    @Inject
    NotificationSettings settings;

    @Inject
    NotificationCounts counts;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Optional<NotificationIntake> intake = keeper.intake(context.getContextPath());
        if (intake.isEmpty()) {
            return;
        }
        Semaphore inHand = new Semaphore(Math.max(1, settings.maxConcurrent()));
        add(
                context,
                "graph-notifications",
                WebhookUrls.CHANGES,
                new WebhookServlet(intake.get(), counts, false, settings.maxBodyBytes(), inHand));
        add(
                context,
                "graph-lifecycle-notifications",
                WebhookUrls.LIFECYCLE,
                new WebhookServlet(intake.get(), counts, true, settings.maxBodyBytes(), inHand));
    }

    private static void add(ServletContext context, String name, String path, WebhookServlet servlet) {
        ServletRegistration.Dynamic registration = context.addServlet(name, servlet);
        registration.addMapping(path);
        registration.setAsyncSupported(false);
    }
}
