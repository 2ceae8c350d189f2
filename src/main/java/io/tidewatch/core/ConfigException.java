package io.tidewatch.core;

/** A rule or profile file is wrong; the message names file, line or field and is shown to the user as is. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) { super(message); }

    public ConfigException(String message, Throwable cause) { super(message, cause); }
}
