package se.utfall.challenge.service;

import se.utfall.challenge.domain.Challenge;
import se.utfall.challenge.domain.NeedInsight;
import se.utfall.challenge.domain.OutcomeGoal;
import se.utfall.challenge.domain.ProcessPhase;

import java.util.List;

/** A challenge with the rows that belong to it, loaded together. */
public record ChallengeAggregate(Challenge challenge, List<OutcomeGoal> goals, List<NeedInsight> insights,
        List<ProcessPhase> phases) {
}
