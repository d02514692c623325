package org.yundangke;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * A service a test builds itself (with a clock it moves) wrapped as Spring wraps the bean: its {@code @Transactional}
 * methods run in transactions, locks and all.
 */
public final class TransactionalProxy {

    private TransactionalProxy() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T of(T service, TransactionManager transactions) {
        ProxyFactory factory = new ProxyFactory(service);
        factory.setProxyTargetClass(true);
        factory.addAdvice(new TransactionInterceptor(transactions, new AnnotationTransactionAttributeSource()));
        return (T) factory.getProxy();
    }
}
