package org.m365mcp.sandbox;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.m365mcp.sandbox.login.LoginAdminResource;

/**
 * The Graph sandbox as its own JAX-RS application: Graph v1.0 at {@code {contextRoot}/sandbox/v1.0},
 * test controls at {@code {contextRoot}/sandbox/_admin} (the sign-in's among them: its endpoints
 * are an application of their own, {@code SandboxLoginApplication}).
 *
 * <ul>
 *   <li>Lists its classes explicitly so that no other resource of the WAR leaks in here.
 *   <li>The reverse needs the same care: another {@code Application} of the WAR that does not
 *       override {@code getClasses()} gets every {@code @Path}/{@code @Provider} class scanned in,
 *       sandbox ones included.
 * </ul>
 */
@ApplicationPath("sandbox")
public class SandboxApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                SandboxRequestFilter.class,
                GraphErrorMapper.class,
                RoutingErrorMapper.class,
                UnexpectedErrorMapper.class,
                GraphResource.class,
                SandboxAdminResource.class,
                FaultsAdminResource.class,
                DeltaAdminResource.class,
                SubscriptionsAdminResource.class,
                LoginAdminResource.class,
                HelperLinksResource.class);
    }
}
