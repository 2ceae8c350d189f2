package io.tidewatch.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exchange being protected, as {@code rules/brand.yaml} describes it: names and domains to
 * protect, the official and staff accounts (trusted by numeric id), moderators and support channels.
 */
public record BrandProfile(Brand brand, Accounts official, Accounts staff, Moderators moderators,
                           Support support) {

    public record Brand(String name, List<String> aliases, List<String> domains) {
        public Brand {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            domains = domains == null ? List.of() : List.copyOf(domains);
        }
    }

    /** An account on one platform. {@code id} is numeric for Telegram, a numeric string for Twitter. */
    public record Account(String id, String username, String name) {}

    public record Accounts(List<Account> telegram, List<Account> twitter) {
        public Accounts {
            telegram = telegram == null ? List.of() : List.copyOf(telegram);
            twitter = twitter == null ? List.of() : List.copyOf(twitter);
        }

        public static Accounts none() { return new Accounts(List.of(), List.of()); }

        public List<Account> on(Platform platform) {
            return switch (platform) {
                case TELEGRAM -> telegram;
                case TWITTER -> twitter;
                case LOCAL -> {
                    List<Account> all = new ArrayList<>(telegram);
                    all.addAll(twitter);
                    yield all;
                }
            };
        }
    }

    public record Moderators(List<String> telegram, List<String> twitter, String alertsChat) {
        public Moderators {
            telegram = telegram == null ? List.of() : List.copyOf(telegram);
            twitter = twitter == null ? List.of() : List.copyOf(twitter);
        }

        public static Moderators none() { return new Moderators(List.of(), List.of(), null); }

        public boolean isModerator(Platform platform, String id) {
            return switch (platform) {
                case TELEGRAM -> telegram.contains(id);
                case TWITTER -> twitter.contains(id);
                case LOCAL -> telegram.contains(id) || twitter.contains(id);
            };
        }
    }

    public record LiveChat(String url, String hours) {}

    public record Email(String address, List<Integer> firstReplyBusinessDays, String timezone,
                        List<String> holidays) {
        public Email {
            firstReplyBusinessDays = firstReplyBusinessDays == null ? List.of(1, 2) : List.copyOf(firstReplyBusinessDays);
            timezone = timezone == null ? "UTC" : timezone;
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
        }
    }

    public record HelpCenter(String url, String searchUrl) {}

    public record Support(LiveChat liveChat, Email email, HelpCenter helpCenter, Map<String, String> social) {
        public Support {
            social = social == null ? Map.of() : Map.copyOf(social);
        }
    }

    public BrandProfile {
        official = official == null ? Accounts.none() : official;
        staff = staff == null ? Accounts.none() : staff;
        moderators = moderators == null ? Moderators.none() : moderators;
    }

    /** Official and staff accounts are trusted by id, whatever their names say. */
    public boolean isTrusted(Platform platform, String accountId) {
        if (accountId == null || accountId.isEmpty()) return false;
        // every detector asks for every post: plain loops, no stream per call
        for (Account a : official.on(platform)) if (accountId.equals(a.id())) return true;
        for (Account a : staff.on(platform)) if (accountId.equals(a.id())) return true;
        return false;
    }

    public Optional<Account> officialAccount(Platform platform) {
        return official.on(platform).stream().findFirst();
    }
}
