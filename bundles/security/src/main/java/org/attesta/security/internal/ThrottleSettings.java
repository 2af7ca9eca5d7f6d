package org.attesta.security.internal;

import java.time.Duration;

/**
 * @param maxFailures failed logins of one key within the window that lock it
 * @param window how long failures are counted together
 * @param lockout how long a locked key stays locked
 */
record ThrottleSettings(int maxFailures, Duration window, Duration lockout) {
}
