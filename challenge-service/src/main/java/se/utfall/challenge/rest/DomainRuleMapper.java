package se.utfall.challenge.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import se.utfall.challenge.domain.DomainRuleException;
import se.utfall.web.problem.Problem;
import se.utfall.web.problem.ProblemException;

/** A refused business rule: wrong state is 409, incomplete content is 422 with the missing fields. */
public class DomainRuleMapper {
    @ServerExceptionMapper
    public Response map(DomainRuleException e) {
        ProblemException p = e.kind() == DomainRuleException.Kind.CONFLICT ? ProblemException.conflict(e.getMessage())
                : ProblemException.unprocessable(e.getMessage(),
                        e.fields().stream().map(f -> new Problem.FieldError(f[0], f[1])).toList());
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.toProblem()).build();
    }
}
