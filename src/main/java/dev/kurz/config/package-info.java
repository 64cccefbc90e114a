/**
 * Settings: each {@link dev.kurz.config.Key} resolved flag &gt; environment &gt; config file &gt;
 * default, with its origin for {@code config show}; the config file; prices. Depends on nothing
 * else in kurz.
 */
package dev.kurz.config;
