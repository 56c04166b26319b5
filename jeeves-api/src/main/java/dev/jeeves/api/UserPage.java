package dev.jeeves.api;

import java.util.List;

/**
 * One page of users ({@code GET /api/users?limit=&offset=}), oldest first.
 *
 * @param total how many users there are in all
 * @param limit the page size asked for (at most {@link ApiLimits#MAX_PAGE_SIZE})
 * @param offset how many were skipped
 * @param users this page
 */
public record UserPage(long total, int limit, int offset, List<UserSummary> users) {}
