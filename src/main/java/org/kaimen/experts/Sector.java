package org.kaimen.experts;

/**
 * Where an expert works. The draw spreads its picks over sectors, our stand-in for "注重选择持不同意见的专家"
 * (重大行政决策程序暂行条例第20条): people from a university, a law firm, the industry and residents' groups tend
 * to see a draft differently.
 */
public enum Sector { ACADEMIA, LEGAL_PRACTICE, INDUSTRY, GOVERNMENT, CIVIL_SOCIETY }
