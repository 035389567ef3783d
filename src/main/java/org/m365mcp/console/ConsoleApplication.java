package org.m365mcp.console;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.m365mcp.admin.AdminRequestFilter;

/**
 * The batch console's REST API at {@code {contextRoot}/console/api}, guarded like the MCP endpoint
 * (Origin/Host 403 / 421, bearer token 401 when one is configured) by the admin API's own filter.
 *
 * <ul>
 *   <li>Lists its classes explicitly, so neither the sandbox's nor the admin API's resources leak in.</li>
 * </ul>
 */
@ApplicationPath("console/api")
public class ConsoleApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AdminRequestFilter.class, JobsResource.class, CacheResource.class, ConsoleErrors.class);
    }
}
