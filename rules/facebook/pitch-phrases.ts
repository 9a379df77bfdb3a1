/**
 * Sales-pitch phrasing that makes an unsolicited Facebook message read as an advert. Written for
 * dmlint; matched on word boundaries, ignoring case, accents, hyphens and line breaks.
 * Families: urgency and scarcity, discounts and prices, pushy calls to buy, promo codes, and the
 * guarantees and superlatives of advertising copy.
 */
export const PITCH_PHRASES: Record<string, readonly string[]> = {
  en: [
    // urgency and scarcity
    'limited time offer', 'for a limited time', 'limited time only', 'limited offer', 'act now', 'act fast', 'hurry',
    "don't miss out", "don't miss this", 'do not miss out', "don't wait", 'last chance', 'final hours', 'final call',
    'today only', 'tonight only', 'this week only', 'this weekend only', 'only this week', 'only this weekend',
    'only available this week', 'only available today', 'ends tonight', 'ends today', 'ends soon', 'ending soon',
    'offer ends', 'offer expires', 'expires soon', 'while supplies last', 'while stocks last', 'limited stock',
    'limited spots', 'limited places', 'limited seats', 'spots are limited', 'spaces are limited', 'places are limited', 'only a few left',
    'spots are filling up', 'filling up fast', 'selling fast', 'before it sells out', 'before they sell out',
    'before it\'s gone', 'before they\'re gone', 'first come, first served', 'once in a lifetime', 'now or never',
    // discounts and prices
    'exclusive offer', 'exclusive deal', 'exclusive discount', 'special offer', 'special promotion', 'special discount',
    'introductory offer', 'launch price', 'launch offer', 'best price', 'best prices', 'lowest price', 'lowest prices',
    'unbeatable price', 'unbeatable prices', 'incredible price', 'amazing price', 'best deal', 'amazing deal',
    'incredible deal', 'unbeatable deal', 'huge discount', 'massive discount', 'save big', 'half price', 'half off',
    'biggest sale', 'flash sale', 'clearance sale', 'deal of the day', 'buy one get one', 'bogo', 'claim your discount',
    'claim your', 'discount code', 'promo code', 'coupon code', 'use code',
    // pushy calls to buy
    'buy now', 'buy today', 'order now', 'order today', 'call today', 'book today', 'shop today', 'shop now', 'call now', 'apply now', 'subscribe now', 'upgrade now',
    'sign up now', 'sign up today', 'register now', 'book now', 'dm us now', 'message us now', 'click here',
    'click the link', 'grab yours', 'get yours', 'grab it now', 'check out our', 'our latest offer',
    // guarantees and advertising superlatives
    'early bird', 'free trial', 'risk free', 'money back guarantee', 'money-back guarantee', 'satisfaction guaranteed',
    'no obligation', 'to the next level', 'you deserve it', 'you won\'t regret', 'what are you waiting for',
  ],
  fr: [
    // urgence et rareté
    'offre limitée', 'offre à durée limitée', 'pour une durée limitée', 'durée limitée', 'dernière chance', 'derniers jours',
    'dernières heures', "aujourd'hui seulement", 'seulement aujourd\'hui', 'ce soir seulement', 'ce week-end seulement',
    'cette semaine seulement', 'seulement cette semaine', 'seulement ce week-end', 'uniquement cette semaine',
    'dépêchez-vous', 'dépêche-toi', 'faites vite', 'fais vite', 'foncez', 'ne manquez pas', 'ne ratez pas',
    'ne ratez surtout pas', "n'attendez pas", "n'attends pas", 'à ne pas manquer', 'à ne pas rater',
    "jusqu'à épuisement des stocks", 'dans la limite des stocks', 'quantités limitées', 'stock limité', 'places limitées',
    'les places sont limitées', 'les places partent vite', 'plus que quelques', "l'offre se termine", "l'offre expire",
    'se termine ce soir', 'avant la rupture de stock', 'avant rupture', 'premier arrivé, premier servi', 'occasion unique',
    'occasion à saisir', 'maintenant ou jamais',
    // remises et prix
    'offre exclusive', 'offre spéciale', 'offre de lancement', 'offre promotionnelle', 'promotion spéciale',
    'promotion exceptionnelle', 'promo exceptionnelle', 'remise exceptionnelle', 'réduction exclusive', 'tarif préférentiel',
    'prix de lancement', 'prix imbattable', 'prix imbattables', 'prix cassés', 'prix incroyable', 'prix fous',
    'meilleur prix', 'meilleurs prix', 'petits prix', 'prix les plus bas', 'prix les plus bas jamais vus', 'bon plan', 'super bon plan', 'meilleur deal', 'à moitié prix',
    'moitié prix', 'plus grosse vente', 'vente flash', 'code promo', 'code de réduction', 'bon de réduction',
    'utilisez le code', 'profiter de la remise', 'profitez de la remise', 'profitez-en', 'profitez de cette offre',
    'une achetée une offerte', 'un acheté un offert',
    // appels à acheter
    'achetez maintenant', 'achetez dès maintenant', 'commandez maintenant', 'commandez dès maintenant',
    "commandez dès aujourd'hui", 'réservez maintenant', 'réservez vite', 'réservez dès maintenant',
    'inscrivez-vous maintenant', "inscrivez-vous dès aujourd'hui", 'inscris-toi maintenant', 'abonnez-vous maintenant',
    'appelez dès maintenant', 'appelez maintenant', 'écrivez-nous maintenant', 'écrivez-nous dès maintenant',
    'contactez-nous maintenant', 'contactez-nous dès maintenant', "appelez dès aujourd'hui", "réservez dès aujourd'hui", 'cliquez ici', 'clique ici', 'cliquez sur le lien',
    'clique sur le lien', 'découvrez notre offre', 'découvrez nos offres', 'une offre rien que pour vous',
    // garanties et superlatifs publicitaires
    'essai gratuit', 'satisfait ou remboursé', 'sans engagement', 'sans risque', 'au niveau supérieur',
    "qu'attendez-vous",
  ],
};

/**
 * Pitch phrasing with numbers in it ("40% off", "-30 %", "save $200", "only 5 left"), as
 * regular expressions of this project's (never a user's): each is linear in the text.
 */
export const PITCH_PATTERNS: Record<string, readonly RegExp[]> = {
  en: [
    /\b(?:up to )?\d{1,3}(?:[.,]\d+)? ?% off\b/giu,
    /\bsave (?:up to )?(?:[$€£] ?\d(?:[\d,.]*\d)?|\d(?:[\d,.]*\d)? ?(?:%|[$€£]|dollars|euros|pounds))/giu,
    /\bonly (?:\d+|a few|one|two|three|four|five) (?:[a-z]+ ){0,2}left\b/giu,
    /\b(?:on sale |available )?for \d+ (?:hours?|days?) only\b/giu,
    /\b(?:sale|offer|deal|discount|promo|promotion)s? (?:ends?|finish(?:es)?|closes?) (?:today|tonight|tomorrow|soon|at midnight|this (?:week(?:end)?|friday|saturday|sunday)|(?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b/giu,
  ],
  fr: [
    /(?:\bjusqu'(?:à|a) )?-\s?\d{1,3}(?:[.,]\d+)?\s?%/giu,
    /\b\d{1,3}\s?% de (?:réduction|remise)\b/giu,
    /(?<!\p{L})économisez (?:jusqu'(?:à|a) )?\d[\d\s.,]*\s?(?:€|%|euros)/giu,
    /\bplus que \d+\b/giu,
    /\b(?:en promo )?pendant \d+ ?(?:h|heures?|jours?) seulement\b/giu,
    /(?<!\p{L})se termine(?:nt)? (?:ce soir|demain|bientôt|à minuit|ce week-end|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?!\p{L})/giu,
  ],
};
