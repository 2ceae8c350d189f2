package io.tidewatch.twitter;

import java.util.List;
import java.util.Map;

/**
 * One page of a timeline or event list, newest first as the API returns it, with the users the
 * expansions brought along (by id) and the token of the next, older page (null on the last).
 */
public record XPage<T>(List<T> items, Map<String, XUser> users, String nextToken) {
    public XPage {
        items = List.copyOf(items);
        users = Map.copyOf(users);
    }
}
