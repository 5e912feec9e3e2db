package dev.accrue.ingest.access;

import java.util.Optional;

/** Callers for service tests, as the web layer would build them from an ADMIN or a PROVIDER key. */
public final class TestAccess {

    public static final Access ADMIN = new Access() {
        @Override
        public boolean mayActFor(String providerId) {
            return true;
        }

        @Override
        public Optional<String> providerId() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "the admin key";
        }
    };

    public static Access provider(String id) {
        return new Access() {
            @Override
            public boolean mayActFor(String providerId) {
                return providerId.equals(id);
            }

            @Override
            public Optional<String> providerId() {
                return Optional.of(id);
            }

            @Override
            public String describe() {
                return id + "'s key";
            }
        };
    }

    private TestAccess() {
    }
}
