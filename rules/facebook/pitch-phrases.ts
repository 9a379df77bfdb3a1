/**
 * Sales-pitch phrasing that makes an unsolicited Facebook message read as an advert. Written for
 * dmlint; matched on word boundaries, ignoring case, accents, hyphens and line breaks.
 */
export const PITCH_PHRASES: Record<string, readonly string[]> = {
  en: [
    'limited time offer', 'for a limited time', 'limited offer', 'exclusive offer', 'exclusive deal',
    'special offer', 'special promotion', 'special discount', 'introductory offer', 'buy now', 'order now',
    'shop now', 'act now', 'call now', 'apply now', 'subscribe now', 'upgrade now', 'sign up now',
    'sign up today', 'book now', "don't miss out", "don't miss this", "don't wait", 'last chance',
    'final hours', 'today only', 'ends tonight', 'offer ends', 'offer expires', 'expires soon',
    'while supplies last', 'while stocks last', 'only a few left', 'once in a lifetime', 'best price',
    'lowest price', 'lowest prices', 'unbeatable price', 'best deal', 'huge discount', 'save big',
    'save up to', 'discount code', 'promo code', 'coupon code', 'flash sale', 'clearance sale',
    'deal of the day', 'buy one get one', 'free trial', 'risk free', 'money back guarantee',
    'satisfaction guaranteed', 'no obligation', 'click here', 'click the link', 'grab yours',
    'claim your', 'get yours', 'check out our', 'our latest offer', 'early bird', 'hurry',
  ],
  fr: [
    'offre exclusive', 'offre limitée', 'offre à durée limitée', 'pour une durée limitée',
    'offre spéciale', 'offre de lancement', 'offre promotionnelle', 'promotion exceptionnelle',
    'promo exceptionnelle', 'remise exceptionnelle', 'réduction exclusive', 'tarif préférentiel',
    'prix imbattable', 'prix imbattables', 'prix cassés', 'meilleur prix', 'petits prix', 'bon plan',
    'achetez maintenant', 'achetez dès maintenant', 'commandez maintenant', "commandez dès aujourd'hui",
    'réservez maintenant', 'inscrivez-vous maintenant', "inscrivez-vous dès aujourd'hui",
    'abonnez-vous maintenant', 'profitez-en', 'profitez de cette offre', 'dernière chance',
    'derniers jours', "aujourd'hui seulement", 'dépêchez-vous', 'ne manquez pas', 'ne ratez pas',
    'à ne pas manquer', 'à ne pas rater', "jusqu'à épuisement des stocks", 'dans la limite des stocks',
    'quantités limitées', 'stock limité', 'vente flash', 'code promo', 'code de réduction',
    'bon de réduction', 'essai gratuit', 'satisfait ou remboursé', 'sans engagement', 'cliquez ici',
    'cliquez sur le lien', 'occasion unique', 'occasion à saisir', 'découvrez notre offre',
    'découvrez nos offres', 'une offre rien que pour vous',
  ],
};
