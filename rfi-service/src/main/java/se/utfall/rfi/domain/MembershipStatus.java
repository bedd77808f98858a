package se.utfall.rfi.domain;

/** Where an invitation to a consortium stands; only {@link #ACCEPTED} makes an organisation a member. */
public enum MembershipStatus { INVITED, ACCEPTED, DECLINED, LEFT, REMOVED }
