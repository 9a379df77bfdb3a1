/**
 * Word lists behind linkedin/inmail-value-proposition, in folded form (lower case, no accents,
 * hyphens as spaces), since sentences are folded before they are read.
 */

export interface ValueSignals {
  /** Words that address the reader. */
  reader: RegExp;
  /** A benefit verb in the imperative opening the sentence addresses the reader by itself. */
  imperative: RegExp;
  /** Verbs and phrases naming a gain for the reader. */
  benefit: RegExp;
  /** An ask for the reader's time: a duration in it is a cost to them, not an outcome. */
  timeAsk: RegExp;
  /** A comparison that turns a duration or amount into an outcome ("in four days instead of ten"). */
  comparison: RegExp;
  /** A sentence led by the sender ("We are…", "Our team…"): it describes them, not the reader's gain. */
  senderLed: RegExp;
  /** An opportunity for the reader that needs no number: peers, an audience, a paid role. */
  opportunity: RegExp;
  /** Customers like the reader named as proof ("vendors like Tink", "nos clients"). */
  customers: RegExp;
  /** A comparative that makes a percentage an improvement ("15% more trials"). */
  improvement: RegExp;
  /** The sender's own growth, size or funding: a figure about them, not a gain for the reader. */
  brag: RegExp;
}

const words = (list: string) => list.trim().split(/\s*\|\s*/).join('|');

export const VALUE_SIGNALS: Record<'en' | 'fr', ValueSignals> = {
  en: {
    reader: /\b(?:you|your|yours|yourself|yourselves|you're|you'll|you've|you'd)\b/,
    imperative: new RegExp(
      `^(?:${words('save | cut | reduce | lower | increase | grow | boost | double | triple | improve | gain | earn | win | avoid | eliminate | speed up | accelerate | simplify | streamline | automate | get | hire | close | book | land | generate | turn | unlock | discover | see how')})\\b`,
    ),
    benefit: new RegExp(
      `\\b(?:${words(`
        save | saves | saved | saving | savings | cut | cuts | cutting | reduce | reduces | reduced | reducing | lower | lowers | lowering
        | increase | increases | increasing | grow | grows | growing | grew | boost | boosts | boosted | double | doubled | doubling | triple | tripled
        | improve | improves | improved | improving | gain | gains | earn | earns | win | wins | won | avoid | avoids | eliminate | eliminates
        | free up | frees up | speed up | speeds up | accelerate | accelerates | simplify | simplifies | streamline | streamlines | automate | automates
        | hire faster | close more | book more | land more | get more | generate more | drive more | more leads | more customers | more clients
        | more meetings | more sales | more revenue | more replies | fewer | less time | less work | faster | quicker | higher | roi | return on
        | revenue | profit | profits | results | helps you | help you | helping you | helped | lets you | let you | allows you | allow you | enables you
        | so you can | so that you | so your | so that your | without hiring | without adding | for free | free audit | free review | free assessment | free of charge
        | complimentary | payback | pays for itself | no cost | halve | halves | halved | cut in half | reclaim | reclaims
        | help your | helps your | twice the | twice as | in minutes | in seconds | sell more | fewer tickets | fewer errors
        | pass rate | success rate | paid | salary | equity | you get | you'll get | you'd get | you will get | useful for you | find it useful
        | shorten | shortens | shortened | shortening | shorter | access to | early access | sooner | free place | free seat | free ticket
        | free tickets | free pass | you'd leave with | you'll leave with`)})\\b`,
    ),
    timeAsk: /\b(?:of your time|call|chat|talk|meeting|meet|catch up|demo|zoom|coffee|do you have|have you got|spare|free|available)\b/,
    comparison: /\b(?:instead of|rather than|down from|compared to|versus|vs|in under|in less than|extra|what would you do with|what could you do with)\b/,
    opportunity: /\b(?:peers|in front of|share the stage|visibility|exposure|network with|you'd reach|you would reach|you'll reach|reach an audience|you'd speak to|you would speak to)\b/,
    customers: /\b(?:like|such as|our clients|our customers|clients|customers)\b/,
    improvement: /\b(?:more|fewer|less|faster|higher|lower|better|sooner|earlier)\b/,
    brag: /\b(?:grew|grown|growth|our revenue|revenue|raised|funding|headcount|employees|offices|valuation)\b/,
    senderLed: /^(?:we|we're|we've|we'll|our|i|i'm|i've|i'll|my|us)\b/,
  },
  fr: {
    reader: /(?:\b(?:vous|votre|vos|votres|tu|ton|ta|tes|toi|te)\b|\bt')/,
    imperative: new RegExp(
      `^(?:${words('economisez | economise | reduisez | reduis | gagnez | gagne | augmentez | augmente | doublez | double | triplez | boostez | booste | accelerez | accelere | simplifiez | simplifie | automatisez | automatise | obtenez | obtiens | divisez | divise | decouvrez comment | recrutez | signez | decrochez')})\\b`,
    ),
    benefit: new RegExp(
      `(?:^|\\b)(?:${words(`
        economiser | economisez | economise | economies | gagner | gagnez | gagne | gain | gains | reduire | reduisez | reduit | reduction de
        | diminuer | diminue | baisser | baisse | augmenter | augmentez | augmente | hausse | doubler | double | tripler | triple | accelerer | accelere
        | simplifier | simplifie | automatiser | automatise | ameliorer | ameliore | ameliorez | booster | boostez | developper | developpez | obtenir
        | obtenez | obtiens | gagnes | economises | reduis | augmentes | recevez | recevrez | vous permet | vous permettre | vous permettrait | te permet | vous aide | vous aider | t'aide | t'aider
        | pour que vous | afin que vous | pour que vos | pour que votre | afin que vos | afin que votre | obtient | obtiennent | sans recruter | sans embaucher | gratuit | gratuite | gratuitement | offert | offerte | plus de clients
        | plus de leads | plus de rendez vous | plus de ventes | plus de reponses | moins de temps | moins de | plus vite | plus rapidement
        | resultats | chiffre d'affaires | rentabilite | retour sur investissement | roi | benefice | benefices | rentable | diviser par deux
        | divise par deux | recuperez | recuperent | recuperer | deux fois plus | trois fois plus | plus de temps | en quelques minutes
        | en quelques secondes | vendre plus | vous aidez | aidez | en moins | de moins | reussite | remunere | remuneree | remuneres
        | remunerees | salaire | gagnee | gagnees | gagnes | gagniez | gagnerez | gagneriez | economisee | economisees | vous recevez
        | vous obtenez | la trouveraient utile | trouveraient utile | raccourcir | raccourci | raccourcissent | acces a | acces anticipe
        | vous auriez acces | vous aurez acces | plus tot`)})\\b`,
    ),
    timeAsk: /\b(?:de votre temps|de ton temps|appel|echange|echanger|rendez vous|visio|cafe|demo|discuter|call|auriez vous|avez vous|dispo|disponible|prendre)\b/,
    comparison: /\b(?:au lieu d|plutot qu|contre\b|par rapport a\b|en moins de\b|supplementaires?\b|de plus\b|que feriez vous de\b)/,
    opportunity: /\b(?:pairs|homologues|partager la scene|partageriez la scene|visibilite|vous toucheriez|vous toucherez|toucher une audience|devant \d)/,
    customers: /\b(?:comme|tels? que|telles? que|nos clients|clients)\b/,
    improvement: /\b(?:en plus|de plus|en moins|de moins|plus rapide|plus vite|plus tot)\b/,
    brag: /\b(?:chiffre d'affaires|croissance|leve|levee|salaries|collaborateurs|bureaux|valorisation|augmente son|augmente notre)\b/,
    senderLed: /^(?:nous|notre|nos|je|j'|moi|mon|ma|mes|on)\b/,
  },
};

/** A change told as a figure without a unit: "by half", "from 3.1 to 4.5", "de moitié". */
export const CHANGE =
  /\b(?:by half|in half|halved|de moitie|par deux|(?:went|gone|rose|fell|dropped|jumped) from \d[\d.,]* to \d|(?:passee?s?|passe|monte|tombe|baisse) de \d[\d.,]* a \d)/;

/** A discount for the reader ("50% off", "-50 %"): a gain and an outcome at once. */
export const DISCOUNT = /(?:^|\s)[-−]\s?\d{1,3}\s?%|\b\d{1,3}\s?% off\b/i;

/** A concrete outcome: a percentage, an amount of money, a multiple, or a duration. */
export const MONEY_OR_SHARE =
  /(?:[$€£]\s?\d|\d(?:[\d.,\s]*\d)?\s?(?:%|percent|pour ?cent|k€|k\$|€|\$|£|usd|eur|euros?|dollars?|x\b|fois\b))/;
const COUNT =
  '\\d(?:[\\d.,]*\\d)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|hundreds? of|half an?|une?|deux|trois|quatre|cinq|sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|des centaines d';
export const DURATION = new RegExp(
  `(?:^|\\b)(?:${COUNT}|a|an|about a|in|within|en quelques|en)\\s?(?:hours?|hrs?|h\\b|days?|weeks?|months?|minutes?|mins?|heures?|jours?|journee|semaines?|mois)\\b`,
);
