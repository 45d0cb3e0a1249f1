package dev.stagekit.emulator.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The temporary storage credentials {@code apply} has issued. Every session has its own access key,
 * secret and token, scoped to one key prefix of one bucket; the data plane accepts a request only
 * when all three belong to one unexpired session and the key lies inside its scope.
 */
public final class SessionRegistry {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Map<String, Session> byAccessKey = new ConcurrentHashMap<>();

	private final Map<String, Session> byToken = new ConcurrentHashMap<>();

	private final Clock clock;

	public SessionRegistry(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Issues credentials for {@code scopePrefix} in {@code bucket}, expiring after {@code lifetime}
	 * (rounded down to whole seconds, as the wire format carries them).
	 */
	public Session issue(String bucket, String scopePrefix, Duration lifetime) {
		Instant expiresAt = this.clock.instant().plus(lifetime).truncatedTo(ChronoUnit.SECONDS);
		String accessKey = "ASIA" + HexFormat.of().formatHex(randomBytes(8)).toUpperCase(Locale.ROOT);
		String secretKey = Base64.getEncoder().withoutPadding().encodeToString(randomBytes(30));
		String token = "emu-sts-" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(48));
		Session session = new Session(accessKey, secretKey, token, bucket, scopePrefix, expiresAt);
		this.byAccessKey.put(accessKey, session);
		this.byToken.put(token, session);
		return session;
	}

	public Optional<Session> byAccessKey(String accessKey) {
		return Optional.ofNullable(this.byAccessKey.get(accessKey));
	}

	public Optional<Session> byToken(String token) {
		return Optional.ofNullable(this.byToken.get(token));
	}

	public boolean isExpired(Session session) {
		Session current = this.byToken.getOrDefault(session.sessionToken(), session);
		return !this.clock.instant().isBefore(current.expiresAt());
	}

	/** Makes every credential issued so far expire now. */
	public void expireAll() {
		Instant now = this.clock.instant();
		this.byToken.replaceAll((token, session) -> session.expiringAt(now));
		this.byAccessKey.replaceAll((key, session) -> session.expiringAt(now));
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	/**
	 * One set of issued credentials. {@link #toString()} hides the secret and the token.
	 *
	 * @param accessKeyId the temporary access key id
	 * @param secretKey the temporary secret key
	 * @param sessionToken the session token
	 * @param bucket the bucket it may write to
	 * @param scopePrefix the key prefix it may touch
	 * @param expiresAt when it stops working
	 */
	public record Session(String accessKeyId, String secretKey, String sessionToken, String bucket,
			String scopePrefix, Instant expiresAt) {

		Session expiringAt(Instant instant) {
			return instant.isBefore(this.expiresAt)
					? new Session(this.accessKeyId, this.secretKey, this.sessionToken, this.bucket, this.scopePrefix,
							instant)
					: this;
		}

		/** Whether {@code key} lies inside this session's scope. */
		public boolean covers(String key) {
			return key.startsWith(this.scopePrefix);
		}

		@Override
		public String toString() {
			return "Session[accessKeyId=" + this.accessKeyId + ", bucket=" + this.bucket + ", scopePrefix="
					+ this.scopePrefix + ", expiresAt=" + this.expiresAt + "]";
		}

	}

}
