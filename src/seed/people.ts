import type { Role } from '../modules/workspaces/schema.js';

export type TeamKey = 'billing' | 'technical' | 'orders' | 'escalations';

export const demoTeams: Record<TeamKey, { name: string; can: string }> = {
  billing: { name: 'Billing', can: 'change charges, issue credits and refunds' },
  technical: { name: 'Technical Support', can: 'run line tests and look at the account settings' },
  orders: { name: 'Orders & Returns', can: 'trace parcels, send replacements and book collections' },
  escalations: { name: 'Escalations', can: 'make exceptions and follow a case through to the end' },
};

export type StaffMember = {
  key: string;
  name: string;
  role: Role;
  title: string;
  teams: TeamKey[];
  /** How many times more often than the rest this person slips (redirects, misplaced apologies). */
  slipRate?: number;
};

// The desk the demo shows: people who answer, one who coaches, one who listens from the top, and
// one agent whose slips drag their conversations well below the team's, so the demo's scorecards
// show what an outlier and its coaching task look like.
export const demoStaff: readonly StaffMember[] = [
  {
    key: 'maya',
    name: 'Maya Okafor',
    role: 'supervisor',
    title: 'Team Lead, Escalations',
    teams: ['escalations'],
  },
  {
    key: 'jonas',
    name: 'Jonas Becker',
    role: 'agent',
    title: 'Technical Support Specialist',
    teams: ['technical'],
  },
  {
    key: 'sofia',
    name: 'Sofia Marin',
    role: 'agent',
    title: 'Technical Support Specialist',
    teams: ['technical'],
  },
  { key: 'priya', name: 'Priya Raman', role: 'agent', title: 'Billing Specialist', teams: ['billing'] },
  {
    key: 'kwame',
    name: 'Kwame Mensah',
    role: 'agent',
    title: 'Customer Care Agent',
    teams: ['billing', 'orders'],
  },
  {
    key: 'luis',
    name: 'Luis Ortega',
    role: 'agent',
    title: 'Orders & Returns Agent',
    teams: ['orders'],
    slipRate: 12,
  },
  { key: 'helen', name: 'Helen Carter', role: 'executive', title: 'VP, Customer Experience', teams: [] },
];

export const demoOwner = { name: 'Alex Morgan', title: 'Head of Customer Service' };

export const firstNames = [
  'Amara',
  'Ben',
  'Chloe',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Isla',
  'Jamal',
  'Kate',
  'Leo',
  'Mei',
  'Nadia',
  'Oliver',
  'Paula',
  'Quentin',
  'Rosa',
  'Samir',
  'Tessa',
  'Umar',
  'Vera',
  'Wes',
  'Yara',
  'Zoe',
  'Aidan',
  'Bea',
  'Carlos',
  'Dina',
  'Emeka',
  'Fiona',
  'Gabriel',
  'Hannah',
  'Ivan',
  'Joy',
  'Kofi',
  'Lena',
  'Marco',
  'Niamh',
  'Owen',
  'Priyanka',
  'Rahul',
  'Sara',
  'Tom',
  'Ursula',
  'Victor',
  'Wanjiru',
  'Xavier',
  'Yusuf',
  'Zainab',
  'Anil',
  'Bridget',
  'Colm',
  'Deepa',
  'Erik',
  'Freya',
  'Gus',
  'Helga',
  'Ines',
  'Jack',
] as const;

export const lastNames = [
  'Adeyemi',
  'Brennan',
  'Chen',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hughes',
  'Ishikawa',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Murphy',
  'Nakamura',
  "O'Brien",
  'Patel',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Thompson',
  'Usman',
  'Varga',
  'Walsh',
  'Xu',
  'Yilmaz',
  'Zhang',
  'Abara',
  'Bianchi',
  'Campbell',
  'Delgado',
  'Eriksen',
  'Fraser',
  'Gupta',
  'Haddad',
  'Ibrahim',
  'Johansson',
  'Kaur',
  'Lindqvist',
  'McCarthy',
  'Novak',
  'Okoro',
  'Petrov',
  'Reyes',
  'Silva',
  'Tanaka',
  'Van Dijk',
  'Wright',
  'Young',
] as const;

export type Country = 'GB' | 'US' | 'AU';

export const countries: Record<Country, { currency: string; cities: readonly string[] }> = {
  GB: {
    currency: '£',
    cities: ['Leeds', 'Bristol', 'Glasgow', 'Manchester', 'Cardiff', 'Norwich', 'Brighton', 'York'],
  },
  US: {
    currency: '$',
    cities: ['Portland', 'Austin', 'Denver', 'Chicago', 'Raleigh', 'Boston', 'San Diego', 'Columbus'],
  },
  AU: { currency: 'A$', cities: ['Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Hobart', 'Geelong'] },
};
