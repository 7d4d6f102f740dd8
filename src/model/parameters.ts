import { defaultsOf, flag, int, list, num, oneOf, series, share, signposts, type ValuesOf } from './spec.js';

/**
 * What an adaptive manager can do when a signpost is passed (docs/ODD.md §7.12): serve (serving
 * up: more serving contacts and more presence), open-up (participation up), shield (buffer up),
 * ease-steering (steering down), each by `strategy.responseStep`; attend-lagging (attention to the
 * initiatives furthest behind).
 */
export const SIGNPOST_RESPONSES = ['serve', 'open-up', 'shield', 'ease-steering', 'attend-lagging'] as const;
export type SignpostResponse = (typeof SIGNPOST_RESPONSES)[number];

/** The strategy's adaptive part: its signposts and how it responds. Fixed for a run (a `set` intervention cannot change them). */
export const ADAPTATION_KEYS: ReadonlySet<string> = new Set(['signposts', 'responseStep', 'responseWeeks', 'signpostBand']);

/** What a signpost may watch: the world metrics a `when:` condition watches (src/model/metrics.ts; a test keeps them agreed). */
export const SIGNPOST_METRICS = ['support_share', 'support', 'committed_share', 'trust_gov', 'belonging', 'cohesion', 'drive', 'awareness', 'reached_share', 'formalised_share'] as const;

/**
 * The model's parameters: the one source of truth for defaults, ranges, units and meanings.
 * The scenario schema, the `Parameters` type and the table in docs/ODD.md derive from it.
 */
export const PARAMETERS = {
  population: {
    neighbourhoods: int(8, 1, 1000, 'neighbourhoods', 'Number of neighbourhoods (buurten), each with one initiative.'),
    households: int(250, 2, 1_000_000, 'households per neighbourhood', 'Households (residents) living in each neighbourhood.'),
    initiators: int(3, 0, 1000, 'households per neighbourhood', 'Initiators per neighbourhood: residents who start committed, with high drive.', 'Ghorbani et al. 2020: no initiative forms without a core of initiators.'),
    backgroundGroups: int(3, 1, 12, 'groups', 'Number of background groups residents belong to (for homophily and diversity).'),
    neighbourhoodSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of neighbourhood means of trust, belonging and support around the population means: neighbourhoods differ.'),
  },
  network: {
    kind: oneOf(['watts-strogatz', 'erdos-renyi', 'barabasi-albert', 'ring', 'complete'] as const, 'watts-strogatz', 'Social network generator.', 'Watts & Strogatz 1998; Erdős & Rényi 1959; Barabási & Albert 1999.'),
    degree: num(8, 0, 1000, 'ties per resident (mean)', 'Mean degree (ring and Watts–Strogatz: rounded down to even; Barabási–Albert: 2 × ties per new node).'),
    rewire: share(0.1, 'Watts–Strogatz rewiring probability per tie.', 'Watts & Strogatz 1998.'),
    bridges: num(0.05, 0, 10, 'bridging ties per resident', 'Ties between neighbourhoods, per resident (Watts–Strogatz kind).', 'Granovetter 1973, the strength of weak ties.'),
    homophily: share(0.3, 'Chance that a rewired or bridging tie is redrawn to someone of the same background.', 'McPherson, Smith-Lovin & Cook 2001.'),
  },
  residents: {
    trustGov: share(0.5, 'Mean initial trust in government and the programme.'),
    trustGovSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of initial trust in government.'),
    belonging: share(0.5, 'Mean initial belonging (horizontal trust).'),
    belongingSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of initial belonging.'),
    drive: share(0.3, 'Mean initial drive (intrinsic motivation to act for the community).'),
    driveSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of initial drive.'),
    initiatorDrive: share(0.9, 'Drive of initiators at the start.'),
    awareness: share(0.4, 'Mean initial awareness of climate, costs and policy.'),
    awarenessSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of initial awareness.'),
    support: share(0.3, 'Mean initial support for the local initiative.'),
    supportSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of initial support.'),
    threshold: share(0.475, 'Mean personal commitment threshold.', 'Granovetter 1978.'),
    thresholdSpread: num(0.15, 0, 0.5, 'standard deviation', 'Spread of personal commitment thresholds.', 'Granovetter 1978.'),
    thresholds: list(0, 1, 'share [0,1]', 'Explicit thresholds, assigned to households in order and repeated; overrides the mean and spread when given.', 'Granovetter 1978 (the hundred-thresholds example).'),
    competence: share(0.4, 'Mean level of each competence dimension (knowledge, network, competences, skills).', 'Hong & Page 2004.'),
    competenceSpread: num(0.25, 0, 0.5, 'standard deviation', 'Spread of competences across residents.'),
    agenda: share(0.35, "Mean position of residents' own agendas on the programme axis (1: what they want is the programme's goals), around each neighbourhood's offset (switch mechanisms.agendas).", 'Friedkin & Johnsen 1990: members anchor the initiative\'s course.'),
    agendaSpread: num(0.2, 0, 0.5, 'standard deviation', "Spread of residents' agendas around their neighbourhood's mean (switch mechanisms.agendas)."),
  },
  officials: {
    perNeighbourhood: int(2, 0, 100, 'officials per neighbourhood', 'Officials and stakeholders attached to each neighbourhood.'),
    orientation: share(0.8, 'Initial disposition: 1 = top-down (classic), 0 = serving.', 'Officials start top-down: "men denkt en acteert top-down".'),
    presence: share(0.1, 'Initial share of time officials spend in the field.'),
    trustInResidents: share(0.4, 'Initial trust officials have in residents.'),
    contactsPerWeek: num(20, 0, 1000, 'contacts per week at full presence', 'Field contacts an official makes in a week when fully in the field.'),
  },
  strategy: {
    steering: share(0.5, 'Effort to align initiatives with the programme goals (coherence).'),
    participation: share(0.5, "Decision power handed to residents: Arnstein's ladder mapped onto [0,1].", 'Arnstein 1969.'),
    serving: share(0.5, "Share of officials' effort given to serving action (dienstbaar handelen)."),
    buffer: share(0.5, 'How much top-down input the manager translates and absorbs before it reaches residents.'),
    revenueShare: share(0.5, "Share of an initiative's proceeds that returns to the community.", 'Ostrom 1990; Fouladvand et al. 2022.'),
    competence: share(0.5, "The manager's mastery of method, knowledge and skills; scales every contact."),
    stakeholders: int(3, 1, 20, 'parties', 'Parties that must agree before an initiative can formalise (with mechanisms.parties: the parties in its field, of which every veto party and a quorum of the weighted ones at the table must consent).'),
    attention: oneOf(['equal', 'most-promising', 'most-lagging'] as const, 'equal', "How the manager divides a limited attention budget over initiatives."),
    attentionBudget: num(1, 0, 100, 'initiative-equivalents per week', "The manager's attention per week, in units of full attention to one initiative."),
    signposts: signposts(SIGNPOST_METRICS, SIGNPOST_RESPONSES, 'Signposts the manager watches and the response each calls for, e.g. {metric: trust_gov, below: 0.45, respond: serve}; none (default): the strategy stays fixed for the whole run.', "Walker, Rahman & Cave 2001 (adaptive policies, signposts); Haasnoot et al. 2013 (adaptation pathways); De Bruijn, Ten Heuvelhof & In 't Veld 2010 (process management)."),
    responseStep: share(0.2, 'How far a response moves its lever: serving, participation or buffer up, steering down (within 0 … 1).'),
    responseWeeks: int(13, 1, 5200, 'weeks', 'Weeks a response holds at least before the manager reviews it (a quarter by default).'),
    signpostBand: share(0.05, 'Hysteresis: a response ends only once its metric has recovered this far past the signpost level.', 'Haasnoot et al. 2013: a signpost is set apart from its trigger so that the plan does not flap.'),
  },
  initiative: {
    threshold: share(0.3, 'Support threshold: the committed share of households that makes an initiative viable.', 'Quorum in community energy initiatives (Fouladvand et al. 2022).'),
    alignment: share(0.2, 'Initial alignment of each initiative with the programme goals.'),
    promiseWeeks: int(104, 1, 5200, 'weeks', 'Weeks in which a formalised plan promises delivery.', 'Oliver 1980.'),
    deadline: num(2, 1, 100, 'times promiseWeeks', 'A plan not delivered within deadline × promiseWeeks of formalising is abandoned: the initiative fails (switch mechanisms.realisation).'),
    floor: share(0.5, 'Share of its support threshold below which a realising initiative fails (switch mechanisms.realisation).', 'Fouladvand et al. 2020: a minimum member requirement for continuation, as for formation.'),
    alignedAt: share(0.5, 'Alignment at or above which a formalised initiative counts as a coherent success.'),
  },
  leadership: {
    leadDrive: share(0.6, 'Drive at or above which a resident with the competences steps forward to lead the local initiative (switch mechanisms.leadership).', 'Ghorbani, Nascimento & Filatova 2020: initiators and leadership.'),
    leadCompetence: share(0.4, 'Mean of the four competences at or above which a resident with the drive steps forward to lead.', 'Ghorbani, Nascimento & Filatova 2020.'),
    core: int(2, 1, 1000, 'leaders', 'Leaders a neighbourhood needs before others can join its initiative: without a core, no initiative forms.', 'Ghorbani, Nascimento & Filatova 2020.'),
    maxCore: int(5, 1, 1000, 'leaders', 'Leaders a neighbourhood has at most: a core is a handful, and others who could lead join as members.', 'Ghorbani, Nascimento & Filatova 2020.'),
    burnout: num(0.01, 0, 1, 'drive per week', "Weekly loss of a leader's drive, times the initiative's shortfall from its threshold, 1 − min(1, supportShare / threshold).", 'Volunteer burnout: the work of leading falls on few until support comes.'),
    stepDown: share(0.3, 'Drive below which a leader steps down.'),
    driveWeight: num(0.2, 0, 1, 'threshold per unit of drive', "Drive in the joining decision: the personal threshold is lowered by driveWeight × (drive − 0.5), so residents with drive join on less evidence.", 'Frey 1997 (intrinsic motivation); Ghorbani, Nascimento & Filatova 2020.'),
  },
  parties: {
    vetoChance: share(0.5, 'Chance that a party holds a veto, its consent always needed; otherwise it has a weight in the quorum (switch mechanisms.parties).', 'Tsebelis 2002 (veto players); Pressman & Wildavsky 1973 (clearance points).'),
    quorum: share(0.5, 'Share of the weight of the weighted parties at the table that must consent (0.5: a simple majority; 1: all).', 'Ostrom 1990 (collective-choice rules).'),
    processRate: num(0.05, 0, 1, 'per week', "Weekly pace of process work with the parties at the table: their stance, trust, leaving and coming back.", "De Bruijn, Ten Heuvelhof & In 't Veld 2010; Klijn & Koppenjan 2016."),
  },
  commitment: {
    rule: oneOf(['threshold', 'hazard'] as const, 'threshold', 'threshold: own support mixed with the committed share of neighbours against a personal threshold; hazard: per-week probability from external drive and neighbours (Bass on a network).', 'Granovetter 1978; Watts 2002; Bass 1969.'),
    neighbourWeight: share(0.5, 'Weight of the committed share of neighbours against own support in the threshold rule.', 'Watts 2002.'),
    hysteresis: share(0.1, 'A member leaves only when the mix falls this far below the threshold.'),
    efficacy: num(0.1, 0, 1, 'threshold per unit of belonging', "Collective efficacy in the threshold rule: a resident's personal threshold is lowered by efficacy × (belonging − 0.5), so residents who trust their neighbours join on less evidence and those who distrust them need more.", 'Sampson, Raudenbush & Earls 1997 (collective efficacy); Kalkbrenner & Roosen 2016 (sense of community and trust predict willingness to participate).'),
    p: num(0.03, 0, 1, 'per week', 'Hazard rule: external influence (innovation), multiplied by the external drive.', 'Bass 1969.'),
    q: num(0.38, 0, 10, 'per week', 'Hazard rule: imitation, multiplied by the committed share of neighbours.', 'Bass 1969.'),
  },
  rates: {
    peerInfluence: share(0.1, "Weekly pull of support toward neighbours' support, weighted by belonging.", 'DeGroot 1974; Friedkin & Johnsen 1990.'),
    awarenessRelax: share(0.05, 'Weekly relaxation of awareness toward the awareness drivers.'),
    supportFromAwareness: num(0.02, 0, 1, 'per week', 'Weekly rise of support with awareness and falling costs.'),
    pressureEffect: num(0.03, 0, 1, 'per week', 'Weekly effect of felt pressure on support (up with trust, down without).'),
    noise: num(0.02, 0, 0.5, 'standard deviation per week', 'Random weekly variation in support.'),
    trustGain: num(0.02, 0, 1, 'per good contact', 'Trust gained from one serving contact.', 'Slovic 1993.'),
    trustAsymmetry: num(3, 1, 20, 'ratio', 'Trust lost from a bad event, as a multiple of what an equal good event gains.', 'Slovic 1993: trust comes on foot and leaves on horseback.'),
    reactance: share(0.5, 'Drive above which a resident with low trust reacts against directive contact.', 'Brehm 1966.'),
    driveGrowth: num(0.01, 0, 1, 'per week', 'Weekly growth of drive with participation and membership.', 'Frey & Jegen 2001.'),
    crowding: num(0.05, 0, 1, 'per week', 'Weekly loss of drive to control felt without participation (motivation crowding).', 'Frey 1997; Frey & Jegen 2001.'),
    belongingGrowth: num(0.01, 0, 1, 'per week', 'Weekly growth of belonging through joint membership.'),
    progressRate: num(0.12, 0, 1, 'plan maturity per week at full capacity', 'Weekly progress of an initiative plan at full capacity.'),
    managerSupport: num(0.01, 0, 1, 'plan maturity per week at full attention', "Weekly progress the manager's attention adds."),
    alignmentRate: num(0.05, 0, 1, 'per week', 'Weekly pull of alignment toward the programme goals by steering.'),
    maturity: share(0.8, 'Plan maturity (progress) needed to formalise.'),
    approvalRate: num(0.1, 0, 1, 'per week', 'Weekly chance of approval with one stakeholder, full alignment and full trust in residents (with mechanisms.parties: the pace at which a party gives or withdraws consent).'),
    revenueRate: num(0.02, 0, 1, 'per week', 'Weekly revenue of a formalised initiative per unit of its support share (members / households); it also scales the trust and belonging effects of sharing it.'),
    spillover: share(0.3, 'Share of the revenue effect that reaches neighbouring neighbourhoods through bridging ties.', 'Demonstration effect.'),
    learning: num(0.02, 0, 1, 'per week', 'Weekly learning of officials from successes nearby.'),
    presenceRate: share(0.05, "Weekly move of officials' presence toward the serving target."),
    steeringPressure: share(0.5, 'Extra pressure per unit of steering without participation, steering × (1 − participation).', 'Frey & Jegen 2001: control without voice.'),
    awarenessGain: num(0.03, 0, 1, 'per good contact', 'Awareness gained from one serving contact.'),
    officialTrustGain: num(0.005, 0, 1, 'per good contact', 'Trust in residents an official gains from one serving contact.'),
    directiveEffect: num(0.03, 0, 1, 'per directive contact', 'Support change from one directive contact: up by directiveEffect × trust when trust is at or above legitimacy, down by directiveEffect when below and drive is above reactance (both times k = 0.5 + strategy.competence).'),
    legitimacy: share(0.5, 'Trust in government above which directive contact and pressure persuade rather than antagonise.', 'Tyler 1990, legitimacy and compliance.'),
    pressureTrustCost: num(0.001, 0, 1, 'per week at full pressure', 'Weekly trust loss per unit of felt pressure without participation, before the asymmetry multiplier.', 'Slovic 1993.'),
    alignmentDrift: num(0.5, 0, 5, 'ratio', 'Pull of local agendas away from the programme goals, relative to the pull of steering.'),
    diversityWeight: share(0.3, 'Weight of background diversity (normalised Blau index) against competence coverage in capacity.', 'Hong & Page 2004; Blau 1977.'),
    stakeholderSupport: num(1.25, 0, 5, 'ratio', 'Extra progress rate stakeholders bring at saturation (1 − e^{−(parties − 1)/3}).'),
    overrideCost: num(0.1, 0, 1, 'support per week per unit of override', "Support a member loses in a week per unit of override: the programme's pull times how far the initiative's course lies beyond the member's own agenda (switch mechanisms.agendas).", 'Arnstein 1969 (tokenism); Frey & Jegen 2001 (control without voice).'),
    fairShare: share(0.3, 'Revenue share below which members feel left out of the success (trust loss).', 'Ostrom 1990; Walker & Devine-Wright 2008.'),
  },
  environment: {
    costs: series(0.6, 'Cost level of the transition (principal knowledge driver).'),
    provenTechniques: series(0.5, 'Availability of proven techniques (principal knowledge driver).'),
    climate: series(0.5, 'Salience of climate change (awareness driver).'),
    policyPressure: series(0.5, 'Policy pressure: SDGs, CO2 targets, government policy (awareness driver).'),
  },
  mechanisms: {
    trust: flag(true, 'Trust in government and in residents changes through contacts, pressure and revenue.'),
    pressure: flag(true, 'Officials exert top-down pressure that residents feel.'),
    fieldContacts: flag(true, 'Officials meet residents in the field.'),
    peerInfluence: flag(true, "Support moves toward neighbours' support."),
    awareness: flag(true, 'Awareness relaxes toward the drivers and raises support.'),
    drive: flag(true, 'Drive grows with participation and is crowded out by control.'),
    belonging: flag(true, 'Belonging grows through joint membership.'),
    initiatives: flag(true, 'Initiatives mature, align, formalise and earn revenue.'),
    revenue: flag(true, 'Formalised initiatives return revenue to their community.'),
    learning: flag(true, 'Officials learn from successes and from pressure.'),
    noise: flag(true, 'Random weekly variation in support.'),
    efficacy: flag(true, 'Belonging lowers the personal commitment threshold (collective efficacy; threshold rule with own support only).'),
    leadership: flag(false, 'A core of initiators emerges from residents with drive and competences, and leaders burn out and step down (under every commitment rule); under the threshold rule with own support, others join only once a core has formed and drive enters the joining decision (off: initiators fixed at the start, as before).'),
    agendas: flag(false, "Each initiative's agenda is its members' mean agenda; alignment moves toward the programme through contact (attention, officials' presence, parties) as far as members accept it (their trust), and toward the members' agenda otherwise; steering past members' agendas costs their support (off: alignment follows steering alone, as before)."),
    parties: flag(false, 'Stakeholders as actors: veto or weight, stance, trust (off: approvals in turn).'),
    realisation: flag(false, 'After formalising, an initiative must deliver; the dissatisfied drop out; it can fail.'),
    supportDecides: flag(true, 'Own support enters the commitment rule (off: only neighbours count, as in Watts 2002).'),
  },
} as const;

/** How a run is set up and recorded; shared by every point of a scenario. */
export const RUN_SETTINGS = {
  seed: int(1, 0, 4_294_967_295, 'integer', 'Scenario seed; every run derives its streams from it, its point and its replicate.'),
  replications: int(20, 1, 1_000_000, 'runs per point', 'Independent replications of each scenario point.'),
  horizon: int(156, 1, 5200, 'weeks', 'Weeks simulated (one tick is one week; 156 weeks is three years).'),
  sampleEvery: int(4, 1, 520, 'weeks', 'Series are recorded at week 0, every this many weeks, and in the last week.'),
  commonRandomNumbers: flag(true, 'Every point of a scenario meets the same network and people in replicate r (common random numbers); off: each point draws its own.'),
} as const;

export type RunSettings = ValuesOf<typeof RUN_SETTINGS>;

export function defaultRunSettings(): RunSettings {
  return defaultsOf(RUN_SETTINGS);
}

/** The model's parameter values, shaped like PARAMETERS. */
export type Parameters = ValuesOf<typeof PARAMETERS>;

/** A fresh copy of the default parameters. */
export function defaultParameters(): Parameters {
  return defaultsOf(PARAMETERS);
}
