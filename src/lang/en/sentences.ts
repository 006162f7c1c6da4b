import type { SentenceLangData } from '../types.ts';

// English tokens written with a trailing period that do not end a sentence.
// Case-sensitive on purpose: "No. 5" is an abbreviation, "said no." is not.
export const sentences: SentenceLangData = {
  abbreviations: [
    // titles and forms of address
    'Mr', 'Mrs', 'Ms', 'Mx', 'Messrs', 'Mmes', 'Mme', 'Mlle', 'Drs', 'Prof', 'Profs', 'Rev', 'Revs', 'Fr', 'Msgr', 'Hon', 'Rt',
    'Pres', 'Gov', 'Govs', 'Sen', 'Sens', 'Rep', 'Reps', 'Amb', 'Atty', 'Supt', 'Det', 'Treas', 'Asst', 'Assoc', 'Dir', 'Mgr',
    'Br', 'Sr', 'Sra', 'Srta', 'St', 'Ste', 'Ft', 'Pt',
    // military and police ranks
    'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Cpt', 'Cmdr', 'Cdr', 'Comdr', 'Adm', 'Brig', 'Cpl', 'Pvt', 'Pfc', 'Spc', 'Ens', 'Cmdt',
    'Lieut', 'Serg', 'Adj', 'Insp', 'Const', 'Sgt', 'Cmsr', 'Commr',
    // addresses and places
    'Ave', 'Blvd', 'Rd', 'Hwy', 'Pkwy', 'Ln', 'Dr', 'Ct', 'Pl', 'Sq', 'Apt', 'Bldg', 'Fl', 'Rm', 'Dist', 'Twp', 'Ctr', 'Mt', 'Mts', 
    // organisations
    'Dept', 'Univ', 'Assn', 'Bros', 'Cos', 'Govt', 'Intl', 'Natl', 'Div',
    // references and quantities
    'No', 'Nos', 'Vol', 'Vols', 'Ch', 'Chap', 'Fig', 'Figs', 'Eq', 'Eqs', 'Art', 'Arts', 'Sec', 'Secs', 'Para', 'Pg', 'pp', 'p', 'vol', 'ch',
    'approx', 'Approx', 'ca', 'cf', 'Cf', 'vs', 'v', 'viz', 'esp', 'est', 'Est', 'min', 'max', 'tel', 'Tel', 'ext', 'Ext', 'op', 'ibid', 'Ibid',
    'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  ],
  // Abbreviations that often close a sentence ("... Apple Inc.", "... in Tulsa, Okla.").
  terminalAbbreviations: [
    'etc', 'Inc', 'Corp', 'Co', 'Ltd', 'Plc', 'LLC', 'LLP', 'Jr', 'Sr', 'Esq', 'al', 'a.m', 'p.m', 'A.M', 'P.M', 'yr', 'yrs', 'hrs', 'mins',
    'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La', 'Md', 'Mass', 'Mich',
    'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nebr', 'Nev', 'Okla', 'Ore', 'Oreg', 'Pa', 'Penn', 'Tenn', 'Tex', 'Vt', 'Va', 'Wash', 'Wis',
    'Wisc', 'Wyo', 'Ont', 'Que', 'Alta', 'Sask', 
  ],
};
