package org.kaimen.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unknown API paths answer 404 as a problem detail; without this, Vaadin's catch-all would serve its HTML page for
 * them, and a client would read "200 OK" for a typo.
 */
@RestController
@Hidden
class ApiNotFound {

    @RequestMapping({"/api", "/api/**"})
    void notFound() {
        throw new KaimenException(HttpStatus.NOT_FOUND, "problem.http.404");
    }
}
