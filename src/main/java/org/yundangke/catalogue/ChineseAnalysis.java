package org.yundangke.catalogue;

import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/** Registers smartcn as "smartcn": it splits Chinese text into words (党史 | 学习 | 教育) for the lesson index. */
public class ChineseAnalysis implements LuceneAnalysisConfigurer {

    static final String SMARTCN = "smartcn";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(SMARTCN).instance(new SmartChineseAnalyzer());
    }
}
