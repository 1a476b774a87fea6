package org.kaimen.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaimen.testsupport.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

@IntegrationTest
class PatternFirstHandlerMappingIT {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping spring;
    @Autowired
    PatternFirstHandlerMapping front;
    @Autowired
    List<HandlerMapping> handlerMappings;
    @Autowired
    org.springframework.web.servlet.function.support.RouterFunctionMapping routes;

    /** The handler's method (Spring hands out a copy of the HandlerMethod with its bean resolved). */
    record Outcome(java.lang.reflect.Method handler, Object variables, Object pattern, String error) {
    }

    @Test
    void forEveryMappingOfTheApplicationTheQuickLookupAgreesWithSpringsOwn() throws Exception {
        // The dispatcher asks the handler mappings in this order: the quick one must come right before Spring's.
        List<HandlerMapping> ordered = new ArrayList<>(handlerMappings);
        org.springframework.core.annotation.AnnotationAwareOrderComparator.sort(ordered);
        assertThat(ordered.indexOf(front)).as(ordered.stream().map(m -> m.getClass().getSimpleName() + "@"
                + ((org.springframework.core.Ordered) m).getOrder()).toList().toString())
                .isEqualTo(ordered.indexOf(routes) - 1).isEqualTo(ordered.indexOf(spring) - 2);
        assertThat(routes.getRouterFunction()).as("no router functions, or the quick lookup stands aside").isNull();
        PatternFirstHandlerMapping mapping = front;
        int quick = 0;
        int compared = 0;
        List<String> disagreements = new ArrayList<>();
        assertThat(mapping.getHandlerMethods()).as("it has no handlers of its own").isEmpty();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : spring.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
            List<String> methods = new ArrayList<>();
            declared.forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.add("GET");
            }
            methods.add("PATCH");
            methods.add("OPTIONS");
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String path = example(pattern.getPatternString());
                for (String method : methods) {
                    for (String contentType : new String[] {"application/json", "text/plain"}) {
                        Outcome fast = quick(mapping, method, path, contentType);
                        Outcome spring = spring(method, path, contentType);
                        compared++;
                        if (fast != null) {
                            quick++;
                            if (!fast.equals(spring)) {
                                disagreements.add(method + " " + path + " " + contentType + ": " + fast + " vs " + spring);
                            }
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
        // The quick path must actually answer for the API's variable paths, or this test compares nothing.
        assertThat(quick).as("answered quickly, of " + compared).isGreaterThan(50);
        Outcome submit = quick(mapping, "POST", "/api/v1/drafts/7/comments", "application/json");
        assertThat(submit).as(() -> candidates("POST", "/api/v1/drafts/7/comments", "application/json"))
                .isNotNull();
        assertThat(submit.handler().getName()).isEqualTo("submit");
        assertThat(submit.variables()).isEqualTo(Map.of("id", "7"));
    }

    private static String example(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7").replace("/**", "/a/b")
                .replace("*", "x");
    }

    private static MockHttpServletRequest request(String method, String path, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType(contentType);
        request.setContent("{}".getBytes());
        request.addHeader("Accept", "application/json");
        if ("OPTIONS".equals(method) && path.hashCode() % 2 == 0) {
            request.addHeader("Origin", "https://example.org");
            request.addHeader("Access-Control-Request-Method", "POST");
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }

    private static Outcome quick(PatternFirstHandlerMapping mapping, String method, String path, String contentType) {
        MockHttpServletRequest request = request(method, path, contentType);
        HandlerMethod handler = mapping.patternFirst(lookupPath(request), request);
        return handler == null ? null : outcome(handler, request, null);
    }

    private Outcome spring(String method, String path, String contentType) {
        MockHttpServletRequest request = request(method, path, contentType);
        try {
            var chain = spring.getHandler(request);
            return outcome(chain == null ? null : (HandlerMethod) chain.getHandler(), request, null);
        } catch (Exception ex) {
            return outcome(null, request, ex.getClass().getSimpleName());
        }
    }

    private static Outcome outcome(HandlerMethod handler, MockHttpServletRequest request, String error) {
        return new Outcome(handler == null ? null : handler.getMethod(), request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE),
                request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE), error);
    }

    private static String lookupPath(MockHttpServletRequest request) {
        return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
    }

    /** Spring's mappings whose paths match, with what each makes of the request: for a failure message only. */
    private String candidates(String method, String uri, String contentType) {
        MockHttpServletRequest probe = request(method, uri, contentType);
        var probePath = ServletRequestPathUtils.getParsedRequestPath(probe).pathWithinApplication();
        return spring.getHandlerMethods().keySet().stream()
                .filter(i -> i.getPathPatternsCondition() == null
                        || i.getPathPatternsCondition().getPatterns().stream().anyMatch(p -> p.matches(probePath)))
                .map(i -> i + " -> " + i.getMatchingCondition(probe)).toList().toString();
    }
}
