package org.m365mcp.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The operator's API as its own JAX-RS application at {@code {contextRoot}/admin}, guarded like the
 * MCP endpoint ({@link AdminRequestFilter}).
 *
 * <ul>
 *   <li>Lists its classes explicitly, so that neither the sandbox's resources leak in here nor these
 *       into the sandbox.</li>
 * </ul>
 */
@ApplicationPath("admin")
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminRequestFilter.class, CacheKeyResource.class);
    }
}
