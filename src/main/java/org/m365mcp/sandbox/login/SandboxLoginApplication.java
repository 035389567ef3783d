package org.m365mcp.sandbox.login;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The sandbox tenant's emulation of the Microsoft identity platform (v2.0 endpoints) as its own
 * JAX-RS application at {@code {contextRoot}/contoso.sandbox}: an MSAL authority
 * {@code https://host/contoso.sandbox/} finds its device code and token endpoints here.
 *
 * <ul>
 *   <li>A path of its own, not below {@code /sandbox}: MSAL takes the authority's first path segment
 *       as the tenant and puts {@code oauth2/v2.0/…} right after it. The tenant's domain serves as
 *       that segment ({@link SandboxLogin#TENANT}).
 *   <li>Lists its classes explicitly, like {@code SandboxApplication}, so that nothing else of the
 *       WAR leaks in.
 * </ul>
 */
@ApplicationPath(SandboxLogin.TENANT)
public class SandboxLoginApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ClientRequestIdFilter.class,
                LoginErrorMapper.class,
                TokenEndpointResource.class,
                DevicePageResource.class);
    }
}
