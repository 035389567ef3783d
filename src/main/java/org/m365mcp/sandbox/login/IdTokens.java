package org.m365mcp.sandbox.login;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import org.m365mcp.sandbox.common.Json;

/**
 * The identity part of a token response: the v2.0 {@code id_token} and {@code client_info}.
 *
 * <ul>
 *   <li>The id token is a JWT signed RS256 with a key pair made when this object is, as the
 *       identity platform's are. MSAL4J 1.26 only decodes the payload (it never checks the
 *       signature); the signature is there so that JWT libraries accept the token's shape.
 *   <li>{@code client_info} is base64url JSON {@code {"uid":oid,"utid":tenant id}}: MSAL builds the
 *       account's home account id ({@code uid.utid}) from it.
 *   <li>Thread-safe: the key pair is immutable; a {@link Signature} is made per token.
 * </ul>
 */
final class IdTokens {

    /** An id token is valid for an hour on the identity platform, whatever the access token's lifetime. */
    private static final Duration LIFETIME = Duration.ofHours(1);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String keyId;

    IdTokens(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no RSA key pairs", e);
        }
        byte[] kid = new byte[16];
        random.nextBytes(kid);
        keyId = BASE64URL.encodeToString(kid);
    }

    /** The id token of {@code token}'s user for its client, issued by {@code issuer}. */
    String idToken(IssuedAccessToken token, String issuer) {
        ObjectNode header = Json.object().put("typ", "JWT").put("alg", "RS256").put("kid", keyId);
        long issuedAt = token.issuedAt().getEpochSecond();
        SignedInUser user = token.user();
        ObjectNode claims = Json.object()
                .put("aud", token.clientId())
                .put("iss", issuer)
                .put("iat", issuedAt)
                .put("nbf", issuedAt)
                .put("exp", issuedAt + LIFETIME.toSeconds())
                .put("name", user.name())
                .put("oid", user.objectId())
                .put("preferred_username", user.username())
                .put("sub", pairwiseSubject(user.objectId(), token.clientId()))
                .put("tid", SandboxLogin.TENANT_ID)
                .put("ver", "2.0");
        String signingInput = encode(header.toString()) + "." + encode(claims.toString());
        return signingInput + "." + BASE64URL.encodeToString(sign(signingInput));
    }

    /** {@code client_info} for {@code user}. */
    static String clientInfo(SignedInUser user) {
        return encode(Json.object()
                .put("uid", user.objectId())
                .put("utid", SandboxLogin.TENANT_ID)
                .toString());
    }

    /** As on the identity platform, {@code sub} differs per application for the same user. */
    private static String pairwiseSubject(String objectId, String clientId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((objectId + "|" + clientId).getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK offers no SHA-256", e);
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign an id token", e);
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
