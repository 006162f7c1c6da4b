import type { EntityTitles } from '../../entities/langdata.ts';

// English role titles and forms of address ("Foreign Minister Penny Wong": person + role).
export const titles: EntityTitles = {
  titles: [
    // sport
    'Head Coach', 'Assistant Coach', 'Goalkeeper', 'Striker', 'Midfielder', 'Defender', 'Forward', 'Winger', 'Referee', 'Team Captain', 'Skipper',
    // heads of state and government
    'President', 'Vice President', 'Vice-President', 'Prime Minister', 'Premier', 'Chancellor', 'King', 'Queen', 'Emperor',
    'Empress', 'Prince', 'Princess', 'Crown Prince', 'Sultan', 'Emir', 'Sheikh', 'Supreme Leader', 'Leader', 'Head of State',
    'Head of Government', 'Governor-General', 'Governor General', 'President-elect', 'Acting President', 'Chief Executive',
    'State President', 'Chairman', 'Chairwoman', 'Chair', 'Chairperson',
    // ministers and officials
    'Minister', 'Deputy Minister', 'Vice Minister', 'Minister of State', 'Secretary of State', 'Secretary', 'Foreign Minister',
    'Defence Minister', 'Defense Minister', 'Interior Minister', 'Finance Minister', 'Trade Minister', 'Health Minister',
    'Education Minister', 'Justice Minister', 'Home Secretary', 'Foreign Secretary', 'Defense Secretary', 'Defence Secretary',
    'Treasury Secretary', 'Attorney General', 'Attorney-General', 'Solicitor General', 'Chief of Staff', 'Cabinet Secretary',
    'Spokesman', 'Spokeswoman', 'Spokesperson', 'Press Secretary', 'Director', 'Director-General', 'Director General',
    'Deputy Director', 'Executive Director', 'Managing Director', 'Commissioner', 'High Commissioner', 'Special Envoy', 'Envoy',
    'Adviser', 'Advisor', 'National Security Adviser', 'Governor', 'Lieutenant Governor', 'Mayor', 'Deputy Mayor',
    // local government
    'Regent', 'Vice Regent', 'Deputy Regent', 'Provincial Governor', 'District Head', 'District Chief', 'Village Head', 'Village Chief',
    'Subdistrict Head', 'Regional Head', 'Prefect', 'City Manager', 'Councillor', 'Councilor', 'Council Member',
    'Alderman', 'Magistrate', 'Chief Minister', 'First Minister', 'Judge',
    'Chief Justice', 'Justice', 'Prosecutor', 'Chief Prosecutor', 'Sheriff', 'Police Chief', 'Commissioner of Police',
    'Secretary-General', 'Secretary General', 'General Secretary', 'First Secretary', 'Deputy Secretary', 'Under Secretary',
    'Undersecretary', 'Assistant Secretary', 'Inspector General', 'Auditor General', 'Central Bank Governor', 'Head',
    // party posts
    'Party Chairman', 'Party Leader', 'Party Secretary', 'Politburo Member', 'Central Committee Member', 'Treasurer', 'Founder',
    'Co-founder', 'Whip', 'Chief Whip', 'Majority Leader', 'Minority Leader', 'Opposition Leader',
    // parliament
    'Speaker', 'Deputy Speaker', 'Senator', 'Congressman', 'Congresswoman', 'Representative', 'Rep.', 'Sen.', 'Lawmaker',
    'Member of Parliament', 'MP', 'MEP', 'Assemblyman', 'Assemblywoman', 'Legislator', 'Delegate', 'Deputy',
    // diplomats
    'Ambassador', 'Ambassador Extraordinary and Plenipotentiary', 'Chargé d\'Affaires', 'Charge d\'Affaires', 'Consul',
    'Consul General', 'Consul-General', 'Attaché', 'Attache', 'Defence Attaché', 'Diplomat', 'Permanent Representative',
    // military and police ranks
    'General', 'Gen.', 'Lieutenant General', 'Lt. Gen.', 'Major General', 'Maj. Gen.', 'Brigadier General', 'Brig. Gen.',
    'Brigadier', 'Field Marshal', 'Marshal', 'Air Marshal', 'Air Chief Marshal', 'Air Vice Marshal', 'Admiral', 'Adm.',
    'Vice Admiral', 'Rear Admiral', 'Commodore', 'Colonel', 'Col.', 'Lieutenant Colonel', 'Lt. Col.', 'Major', 'Maj.',
    'Captain', 'Capt.', 'Lieutenant', 'Lt.', 'Second Lieutenant', 'Sergeant', 'Sgt.', 'Staff Sergeant', 'Corporal', 'Cpl.',
    'Private', 'Pvt.', 'Commander', 'Cmdr.', 'Commander-in-Chief', 'Chief of General Staff', 'Chief of Defence', 'Superintendent',
    'Inspector', 'Detective', 'Constable', 'Officer',
    // academic and professional
    'Professor', 'Prof.', 'Associate Professor', 'Assistant Professor', 'Lecturer', 'Researcher', 'Senior Fellow', 'Fellow',
    'Dean', 'Rector', 'Chancellor', 'Vice-Chancellor', 'Provost', 'Analyst', 'Economist', 'Chief Economist', 'Expert', 'Scholar',
    'Historian', 'Doctor', 'Lawyer', 'Attorney', 'Correspondent', 'Editor', 'Editor-in-Chief', 'Reporter', 'Journalist',
    'CEO', 'CFO', 'COO', 'Chief Executive Officer', 'President and CEO', 'Coach', 'Manager', 'Owner',
    // clerical
    'Pope', 'Cardinal', 'Archbishop', 'Bishop', 'Father', 'Reverend', 'Rev.', 'Pastor', 'Priest', 'Imam', 'Grand Imam', 'Mufti',
    'Grand Mufti', 'Ayatollah', 'Grand Ayatollah', 'Rabbi', 'Chief Rabbi', 'Patriarch', 'Monk', 'Venerable', 'Dalai Lama', 'Sister', 'Brother',
  ],
  titleModifiers: ['Deputy', 'Vice', 'Acting', 'Former', 'former', 'ex-', 'Interim', 'Assistant', 'Associate', 'Senior', 'Chief', 'First', 'late', 'the late', 'then', 'incoming', 'outgoing'],
  portfolios: [
    'Foreign Affairs', 'Home Affairs', 'Internal Affairs', 'Interior', 'Defence', 'Defense', 'National Defence', 'Finance', 'Trade',
    'Commerce', 'Industry', 'Health', 'Education', 'Justice', 'Law', 'Labour', 'Labor', 'Agriculture', 'Transport',
    'Transportation', 'Energy', 'Environment', 'Information', 'Communications', 'Culture', 'Tourism', 'Sport', 'Planning',
    'Investment', 'Economy', 'Economic Affairs', 'Public Security', 'State Security', 'Security', 'Intelligence', 'Unification',
    'Science', 'Technology', 'Science and Technology', 'Foreign Trade', 'State Affairs', 'Veterans Affairs', 'Homeland Security',
    'Treasury', 'State', 'Social Affairs', 'Public Works', 'Housing', 'Natural Resources', 'Fisheries', 'Religious Affairs',
    'Marine Affairs', 'Maritime Affairs', 'Marine', 'Maritime', 'Forestry', 'Mines', 'Mining', 'Water Resources', 'Rural Development',
    'Women', "Women's Affairs", 'Youth', 'Youth and Sports', 'Sports', 'Family', 'Welfare', 'Social Welfare', 'Immigration',
    'Digital Affairs', 'Telecommunications', 'Infrastructure', 'Construction', 'Aviation', 'Food', 'Climate', 'Climate Change',
  ],
  portfolioLinks: ['of', 'for'],
  titleSuffixes: ['ad interim', 'Extraordinary and Plenipotentiary', 'Plenipotentiary', 'elect', 'Emeritus'],
  honorifics: [
    'Mr.', 'Mr', 'Mrs.', 'Mrs', 'Ms.', 'Ms', 'Miss', 'Mx.', 'Sir', 'Dame', 'Lord', 'Lady', 'Dr.', 'Dr', 'Prof.', 'Prof',
    'Professor', 'His Excellency', 'Her Excellency', 'H.E.', 'His Majesty', 'Her Majesty', 'His Holiness', 'His Royal Highness',
    'Her Royal Highness', 'Hon.', 'Honourable', 'Honorable', 'The Honourable', 'Rev.', 'Reverend', 'Madam', 'Madame', 'Mme.', 'M.',
  ],
};
