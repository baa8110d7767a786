package dev.bourse.client;

/** Whether a fill completed its order (FULL) or not (PARTIAL). */
public enum FillType
{
    FULL,
    PARTIAL
}
