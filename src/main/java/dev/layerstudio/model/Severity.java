package dev.layerstudio.model;

/** How much a finding matters: an error breaks the function, a warning probably hurts, info saves space. */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
