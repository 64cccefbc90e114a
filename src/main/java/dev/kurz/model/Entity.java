package dev.kurz.model;

/** A person, organization, place or event: its usual target-language name and the article's form. */
public record Entity(String name, String original, String type) {}
