package dev.accrue.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

/** Lets controllers declare a {@link Caller} parameter. */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        Object caller = webRequest.getNativeRequest(HttpServletRequest.class).getAttribute(ApiKeyFilter.CALLER_ATTRIBUTE);
        if (caller == null) {
            // A controller on a public path asked for a caller: a configuration mistake, not the client's.
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Send an API key as 'Authorization: Bearer <key>'");
        }
        return (Caller) caller;
    }
}
