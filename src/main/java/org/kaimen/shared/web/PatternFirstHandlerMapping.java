package org.kaimen.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping lookup with the path checked first, placed just before Spring's own mapping and
 * answering from its registrations. For a path with variables ({@code /api/v1/drafts/7/comments}) Spring tries every
 * mapping's conditions in turn, the HTTP method and the headers first, each read through the request's wrappers,
 * and the path last; it does that twice per request (once more for Spring Security), and the two lookups were a
 * third of the CPU of a comment submission under load (docs/benchmarks.md).
 *
 * <p>Here the mappings whose path patterns cannot match are left out before any condition reads the request; the
 * rest are matched and ranked as Spring does, so the answer is Spring's, since a mapping left out would have failed
 * its path condition in Spring's scan. Everything else goes on to Spring's mapping unchanged: a literal path (Spring
 * finds it directly), no match (Spring works out 404, 405 or 415), a tie between the best two (Spring reports it),
 * and any request with an {@code Origin} header (CORS is Spring's business). {@code PatternFirstHandlerMappingIT} compares
 * the two for every mapping of the application.
 *
 * <p>It reads Spring's mapping instead of replacing it because Vaadin's Hilla already supplies the application's
 * {@code RequestMappingHandlerMapping} (it prefixes its endpoint controller's paths), and Spring Boot takes only one.
 */
class PatternFirstHandlerMapping extends RequestMappingHandlerMapping {

    private final RequestMappingHandlerMapping spring;
    /**
     * Spring's mappings, taken on the first request (after start-up, when all are registered). A mapping registered
     * later at run time would be missed until {@link #refresh()}; this application registers none.
     */
    private volatile Snapshot snapshot;

    private record Snapshot(List<Map.Entry<RequestMappingInfo, HandlerMethod>> mappings, Set<String> directPaths) {
    }

    /** Router functions come before Spring's mapping; with any of them this mapping stands aside. */
    private final boolean routerFunctions;

    PatternFirstHandlerMapping(RequestMappingHandlerMapping spring,
                               org.springframework.web.servlet.function.support.RouterFunctionMapping routes) {
        this.spring = spring;
        this.routerFunctions = routes != null && routes.getRouterFunction() != null;
        // Before the router functions' mapping (just before Spring's), after Actuator's (-100).
        setOrder(Math.min(spring.getOrder(), routes == null ? spring.getOrder() : routes.getOrder()) - 1);
        setPatternParser(spring.getPatternParser());
        setContentNegotiationManager(spring.getContentNegotiationManager());
        setInterceptors(interceptorsOf(spring).toArray());
    }

    /** No handlers of its own: it answers from Spring's mapping. */
    @Override
    protected boolean isHandler(Class<?> beanType) {
        return false;
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) {
        return patternFirst(lookupPath, request);
    }

    /** The quick answer, or null where Spring's own mapping must decide. */
    HandlerMethod patternFirst(String lookupPath, HttpServletRequest request) {
        if (routerFunctions) {
            return null;
        }
        Snapshot s = snapshot();
        if (s.directPaths().contains(lookupPath) || !ServletRequestPathUtils.hasParsedRequestPath(request)
                || request.getHeader(HttpHeaders.ORIGIN) != null) {
            return null;
        }
        PathContainer path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
        List<RequestMappingInfo> matches = new ArrayList<>(2);
        List<HandlerMethod> handlers = new ArrayList<>(2);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : s.mappings()) {
            if (!mayMatch(mapping.getKey(), path)) {
                continue;
            }
            RequestMappingInfo match = getMatchingMapping(mapping.getKey(), request);
            if (match != null) {
                matches.add(match);
                handlers.add(mapping.getValue());
            }
        }
        if (matches.isEmpty()) {
            return null;
        }
        int best = 0;
        if (matches.size() > 1) {
            // Ranked as Spring ranks them (most specific pattern first); a tie is Spring's to report.
            java.util.Comparator<RequestMappingInfo> order = getMappingComparator(request);
            int second = -1;
            for (int i = 1; i < matches.size(); i++) {
                if (order.compare(matches.get(i), matches.get(best)) < 0) {
                    second = best;
                    best = i;
                } else if (second < 0 || order.compare(matches.get(i), matches.get(second)) < 0) {
                    second = i;
                }
            }
            if (order.compare(matches.get(best), matches.get(second)) == 0) {
                return null;
            }
        }
        RequestMappingInfo matched = matches.get(best);
        HandlerMethod handler = handlers.get(best);
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(matched, lookupPath, request);
        return handler;
    }

    private static boolean mayMatch(RequestMappingInfo info, PathContainer path) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null) {
            return true;
        }
        for (PathPattern pattern : patterns.getPatterns()) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        if (s == null) {
            Map<RequestMappingInfo, HandlerMethod> all = spring.getHandlerMethods();
            Set<String> direct = new HashSet<>();
            all.keySet().forEach(info -> direct.addAll(info.getDirectPaths()));
            s = new Snapshot(List.copyOf(new ArrayList<>(all.entrySet())), Set.copyOf(direct));
            snapshot = s;
        }
        return s;
    }

    /** Forgets the snapshot, for a mapping registered at run time (none is, in this application). */
    void refresh() {
        snapshot = null;
    }

    private static List<Object> interceptorsOf(RequestMappingHandlerMapping spring) {
        try {
            Method adapted = org.springframework.web.servlet.handler.AbstractHandlerMapping.class
                    .getDeclaredMethod("getAdaptedInterceptors");
            adapted.setAccessible(true);
            Object interceptors = adapted.invoke(spring);
            List<Object> copy = new ArrayList<>();
            if (interceptors instanceof HandlerInterceptor[] array) {
                copy.addAll(List.of(array));
            } else if (interceptors instanceof List<?> list) {
                copy.addAll(list);
            }
            return copy;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read the interceptors of Spring's request mapping", e);
        }
    }
}
