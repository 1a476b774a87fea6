package org.kaimen.comments;

/** What a comment says about the provision: 支持, 反对, 修改 (with proposed wording), 疑问. */
public enum Stance { SUPPORT, OPPOSE, MODIFY, QUESTION }
